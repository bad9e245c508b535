// Written by the core's test `captcha_frame::the_captcha_page_follows_this_contract`; do not edit.
self.sessionViewCaptcha = {
  "callbacks": {
    "hcaptcha": [
      "callback",
      "expired-callback",
      "error-callback",
      "chalexpired-callback"
    ],
    "turnstile": [
      "callback",
      "expired-callback",
      "error-callback",
      "timeout-callback"
    ]
  },
  "maxToken": 8192,
  "scripts": {
    "hcaptcha": "https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off",
    "turnstile": "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit"
  }
};
