// Written by the core's test `embedding::the_merchant_package_follows_this_contract`; do not edit.
export default {
  "blockers": [
    "not-payable",
    "submitting",
    "method",
    "method-details",
    "total-change",
    "challenge"
  ],
  "defaultPollMs": 20000,
  "eventPrefix": "sv-",
  "events": [
    "ready",
    "change",
    "completed",
    "expired",
    "error",
    "confirm",
    "payment-failed",
    "validity"
  ],
  "initType": "hosted-session-view:init",
  "languages": {
    "ar": {
      "checkout": "الدفع",
      "dir": "rtl",
      "tryAgain": "إعادة المحاولة",
      "unreachableBody": "لم يُخصَم أي مبلغ. تحقّق من اتصالك وحاول مرة أخرى.",
      "unreachableTitle": "تعذّر الوصول إلى خدمة الدفع"
    },
    "de": {
      "checkout": "Bezahlen",
      "dir": "ltr",
      "tryAgain": "Erneut versuchen",
      "unreachableBody": "Es wurde nichts belastet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
      "unreachableTitle": "Wir konnten den Zahlungsdienst nicht erreichen"
    },
    "en": {
      "checkout": "Checkout",
      "dir": "ltr",
      "tryAgain": "Try again",
      "unreachableBody": "Nothing has been charged. Check your connection and try again.",
      "unreachableTitle": "We couldn't reach the payment service"
    },
    "es": {
      "checkout": "Pago",
      "dir": "ltr",
      "tryAgain": "Reintentar",
      "unreachableBody": "No se ha cobrado nada. Comprueba tu conexión y vuelve a intentarlo.",
      "unreachableTitle": "No hemos podido conectar con el servicio de pago"
    },
    "fr": {
      "checkout": "Paiement",
      "dir": "ltr",
      "tryAgain": "Réessayer",
      "unreachableBody": "Rien n’a été débité. Vérifiez votre connexion et réessayez.",
      "unreachableTitle": "Nous n’avons pas pu joindre le service de paiement"
    },
    "ja": {
      "checkout": "お支払い",
      "dir": "ltr",
      "tryAgain": "再試行",
      "unreachableBody": "請求は発生していません。接続をご確認のうえ、もう一度お試しください。",
      "unreachableTitle": "決済サービスに接続できませんでした"
    },
    "pt-BR": {
      "checkout": "Pagamento",
      "dir": "ltr",
      "tryAgain": "Tentar novamente",
      "unreachableBody": "Nada foi cobrado. Verifique sua conexão e tente novamente.",
      "unreachableTitle": "Não conseguimos acessar o serviço de pagamento"
    }
  },
  "outcomes": [
    "declined",
    "failed"
  ],
  "protocol": 1,
  "settleMessageMax": 300,
  "settleTimeoutMs": 120000,
  "themeVariables": [
    "font",
    "bg",
    "surface",
    "text",
    "muted",
    "border",
    "radius",
    "focus",
    "warn-bg",
    "warn-text",
    "ok-bg",
    "ok-text"
  ],
  "timeoutMs": 15000
};
