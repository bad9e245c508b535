//! Every sentence the payer reads, in seven languages, and how the view picks one. Pure:
//! host-tested, no browser.
//!
//! - [`Msg`] names each message; its English text is written beside it (below). Each other
//!   language is one file (`es.rs`, `fr.rs`, …) with one `match` over every `Msg`: a
//!   catalogue that misses a key English has does not compile. The tests add what the
//!   compiler cannot see: the same `{placeholders}` as English, nothing empty, nothing left
//!   in English by mistake.
//! - Placeholders are `{name}`. [`fill`] puts plain text in them; [`parts`] splits a message
//!   so a view can put an element there (a merchant name in `<bdi>`, an amount in `<strong>`).
//! - [`negotiate`]: the mount option, else the browser's languages, else English.
pub mod ar;
pub mod de;
pub mod es;
pub mod fr;
pub mod ja;
pub mod pt_br;

/// A language with a bundled catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
    Fr,
    De,
    PtBr,
    Ja,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 7] = [Lang::En, Lang::Es, Lang::Fr, Lang::De, Lang::PtBr, Lang::Ja, Lang::Ar];

    /// The BCP 47 tag, for `lang=` and as the `Intl` locale when the asked-for one is unusable.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::PtBr => "pt-BR",
            Lang::Ja => "ja",
            Lang::Ar => "ar",
        }
    }

    /// Writing direction, for `dir=` on the view's root.
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The catalogue for a language tag, by its primary subtag: `es-MX` is Spanish, `pt-PT`
    /// gets Brazilian Portuguese (closer than English), `zh` has none.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split('-').next().unwrap_or_default().to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Lang::En,
            "es" => Lang::Es,
            "fr" => Lang::Fr,
            "de" => Lang::De,
            "pt" => Lang::PtBr,
            "ja" => Lang::Ja,
            "ar" => Lang::Ar,
            _ => return None,
        })
    }

    /// The text of `m` in this language; in English while this language's catalogue is not
    /// loaded (see [`load`]).
    pub fn text(self, m: Msg) -> &'static str {
        match catalogue(self) {
            Some(text) => text(m),
            None => m.english(),
        }
    }

    /// Whether this language's sentences are here (English always is).
    pub fn is_loaded(self) -> bool {
        catalogue(self).is_some()
    }

    /// This language if its sentences are here, else English: a view is in one language,
    /// never a mix (and its `lang=` says which).
    pub fn or_english(self) -> Lang {
        if self.is_loaded() {
            self
        } else {
            Lang::En
        }
    }
}

/// The four sentences the merchant's module (`session-view.js`, `crates/embed`) shows on the
/// merchant's page: the frame's accessible name and the panel in its place when it never
/// answers. Taken from each catalogue at compile time (each catalogue's `text` is a `const
/// fn`), so that module carries these strings and not the catalogues.
#[derive(Debug, PartialEq, Eq)]
pub struct FrameTexts {
    pub checkout: &'static str,
    pub unreachable_title: &'static str,
    pub unreachable_body: &'static str,
    pub try_again: &'static str,
}

macro_rules! frame_texts {
    ($text:path) => {
        FrameTexts {
            checkout: $text(Msg::Checkout),
            unreachable_title: $text(Msg::UnreachableTitle),
            unreachable_body: $text(Msg::UnreachableBody),
            try_again: $text(Msg::TryAgain),
        }
    };
}

impl Lang {
    /// This language's [`FrameTexts`], whether or not its catalogue is loaded.
    pub fn frame_texts(self) -> &'static FrameTexts {
        const EN: FrameTexts = frame_texts!(Msg::english);
        const ES: FrameTexts = frame_texts!(es::text);
        const FR: FrameTexts = frame_texts!(fr::text);
        const DE: FrameTexts = frame_texts!(de::text);
        const PT_BR: FrameTexts = frame_texts!(pt_br::text);
        const JA: FrameTexts = frame_texts!(ja::text);
        const AR: FrameTexts = frame_texts!(ar::text);
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
            Lang::Fr => &FR,
            Lang::De => &DE,
            Lang::PtBr => &PT_BR,
            Lang::Ja => &JA,
            Lang::Ar => &AR,
        }
    }
}

/// One language's sentences: a `match` over every [`Msg`].
pub type Catalogue = fn(Msg) -> &'static str;

fn english(m: Msg) -> &'static str {
    m.english()
}

/// Every catalogue is compiled in (host tests, component tests).
#[cfg(not(feature = "lazy-catalogues"))]
fn catalogue(lang: Lang) -> Option<Catalogue> {
    Some(match lang {
        Lang::En => english,
        Lang::Es => es::text,
        Lang::Fr => fr::text,
        Lang::De => de::text,
        Lang::PtBr => pt_br::text,
        Lang::Ja => ja::text,
        Lang::Ar => ar::text,
    })
}

/// The catalogues as data for the view's split build: each language's `text` (e.g.
/// [`de::text`]) is what that language's wasm chunk hands over (the view's
/// `src/platform/catalogues.rs`), and [`register`] makes it available to [`Lang::text`]; until then
/// that language's texts are English.
#[cfg(feature = "lazy-catalogues")]
mod registry {
    use super::{Catalogue, Lang};

    thread_local! {
        pub(super) static LOADED: std::cell::RefCell<Vec<(Lang, Catalogue)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
}

/// Makes `text` `lang`'s catalogue for [`Lang::text`] (it arrived in its chunk).
#[cfg(feature = "lazy-catalogues")]
pub fn register(lang: Lang, text: Catalogue) {
    if lang != Lang::En && !lang.is_loaded() {
        registry::LOADED.with(|l| l.borrow_mut().push((lang, text)));
    }
}

#[cfg(feature = "lazy-catalogues")]
fn catalogue(lang: Lang) -> Option<Catalogue> {
    if lang == Lang::En {
        return Some(english);
    }
    registry::LOADED.with(|l| l.borrow().iter().find(|(l, _)| *l == lang).map(|(_, text)| *text))
}

/// The first of `asked` (most wanted first: the mount option, then the browser's languages)
/// that has a catalogue, with the tag that chose it (kept for `Intl`, so `en-GB` still gets
/// day-month dates); English when none has.
pub fn negotiate<'a>(asked: impl IntoIterator<Item = &'a str>) -> (Lang, Option<&'a str>) {
    asked.into_iter().filter(|t| is_tag(t)).find_map(|t| Lang::from_tag(t).map(|l| (l, Some(t)))).unwrap_or((Lang::En, None))
}

/// The language a view will be in for `asked` (the mount option or `?locale=`), else for the
/// browser's languages (`navigator.languages`, most wanted first), whether or not its
/// catalogue is loaded yet.
pub fn wanted(asked: Option<&str>, browser: &[String]) -> Lang {
    negotiate(asked.into_iter().chain(browser.iter().map(String::as_str))).0
}

/// A plausible BCP 47 tag: letters, digits and `-`, starting with 2–3 letters, at most 35
/// characters. Anything else (a config string, a script) never reaches `Intl` or `lang=`.
pub fn is_tag(t: &str) -> bool {
    let primary = t.split('-').next().unwrap_or_default();
    t.len() <= 35
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !t.ends_with('-')
        && !t.contains("--")
}

/// One piece of a message: literal text, or the name of a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    Text(&'a str),
    Arg(&'a str),
}

/// Splits `template` at its `{name}` placeholders. A `{` without a closing `}` is text.
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        let Some(close) = from_brace.find('}') else { break };
        let (arg, after) = from_brace.split_at(close);
        if !before.is_empty() {
            out.push(Part::Text(before));
        }
        out.push(Part::Arg(arg.trim_start_matches('{')));
        rest = after.strip_prefix('}').unwrap_or(after);
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest));
    }
    out
}

/// `template` with each `{name}` replaced by its value in `args` (unknown names stay).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    parts(template)
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => t.to_owned(),
            Part::Arg(a) => args.iter().find(|(n, _)| *n == a).map_or_else(|| format!("{{{a}}}"), |(_, v)| (*v).to_owned()),
        })
        .collect()
}

/// Declares the messages with their English text.
macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident = $en:literal,)*) => {
        /// A message the payer reads. Its English text is beside it in `i18n/mod.rs`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            pub const fn english(self) -> &'static str {
                match self {
                    $(Msg::$name => $en,)*
                }
            }
        }
    };
}

messages! {
    // The page around the view
    Checkout = "Checkout",
    SecureFooter = "Secure checkout. Your payment details are sent encrypted.",
    Loading = "Loading your checkout…",
    TryAgain = "Try again",
    /// Stands in for the merchant's name when the config has none.
    TheMerchant = "the merchant",

    // What is being paid for
    PayMerchant = "Pay {merchant}",
    AmountDue = "Amount due",
    AmountUnavailable = "Amount unavailable",
    MessageUnavailable = "The merchant's message couldn't be shown.",
    ShowMore = "Show more",
    ShowLess = "Show less",
    Items = "Items",
    Item = "Item",
    Total = "Total",
    TotalChanged = "The total changed from {old} to {new}.",
    GotIt = "OK, got it",
    ReceiptTo = "Receipt to {email}",
    PayBy = "Pay by {when}",
    TimeLeft = "Time left to pay: {time}",
    /// `{duration}` is written by `Intl` ("5 minutes", "30 Sekunden").
    LeftToPay = "{duration} left to pay",

    // Choosing how to pay
    Payment = "Payment",
    NoMethods = "No payment method is available for this checkout. Please contact the merchant.",
    PaymentMethod = "Payment method",
    Default = "Default",
    ExpiredUnusable = "Expired: can't be used",
    Unavailable = "Unavailable",
    UseNewCard = "Use a new card",
    UseNewBank = "Use a new bank account",
    Card = "Card",
    BankAccount = "Bank account",
    Checking = "Checking",
    Savings = "Savings",
    ExpiredOn = "Expired {date}",
    ExpiresOn = "Expires {date}",

    // A new card
    CardNumber = "Card number",
    ExpiryMmYy = "Expiry (MM\u{a0}/\u{a0}YY)",
    SecurityCode = "Security code",
    SecurityCodeOptional = "Security code (optional)",
    NameOnCard = "Name on card",
    StreetAddress = "Street address",
    AddressLine2 = "Address line 2",
    City = "City",
    StateOrRegion = "State or region",
    PostalCode = "Postal code",
    Country = "Country",
    ChooseOption = "Choose…",
    EnterCardNumber = "Enter your card number.",
    CardNumberLength = "This card number is too short or too long.",
    CardNumberInvalid = "This card number isn't valid. Check it for typos.",
    EnterExpiry = "Enter the expiry date.",
    ExpiryFormat = "Enter the expiry date as MM\u{a0}/\u{a0}YY.",
    CardExpired = "This card has expired.",
    EnterSecurityCode = "Enter the security code.",
    SecurityCodeLength = "The security code is 3 digits (4 on American Express).",
    EnterName = "Enter the name on the card.",
    EnterStreet = "Enter the street address.",
    EnterLine2 = "Enter the second address line.",
    EnterCity = "Enter the city.",
    EnterState = "Enter the state or region.",
    EnterPostalCode = "Enter the postal code.",
    PostalCodeWrong = "This postal code doesn't look right for the country.",
    ChooseCountry = "Choose the country.",

    // A new bank account
    RoutingNumber = "Routing number",
    AccountNumber = "Account number",
    AccountType = "Account type",
    AccountHolder = "Account holder name",
    EnterRouting = "Enter the 9-digit routing number.",
    RoutingInvalid = "This routing number isn't valid. Check it for typos.",
    EnterAccount = "Enter the account number.",
    AccountLength = "The account number is 4 to 17 digits.",
    EnterHolder = "Enter the account holder's name.",

    // Saving the method
    SaveOnSession = "Your payment method will be saved with {merchant} so you can use it again at future checkouts.",
    SaveOffSession = "Your payment method will be saved. By paying, you allow {merchant} to charge it later without you being present, as set out in their terms.",
    ChargeLaterOffSession = "By paying, you allow {merchant} to charge this payment method later without you being present, as set out in their terms.",

    // Paying
    Pay = "Pay",
    PayAmount = "Pay {amount}",
    Confirming = "Confirming your payment…",
    Declined = "Your payment was declined.",
    DeclineAdvice = "Check the details or choose another method.",
    /// `{reason}` is the bank's own words, as the server sent them.
    Refused = "This payment couldn't be completed. Please contact the merchant.",
    ConfirmUnreachable = "We couldn't reach the payment service, so we don't know yet whether your payment went through. Nothing will be charged twice: press Pay to try again.",
    ConfirmServiceProblem = "The payment service had a problem and couldn't tell us whether your payment went through. Nothing will be charged twice: press Pay to try again.",
    CheckingEarlierPayment = "Checking whether your earlier payment went through…",
    EarlierPaymentUnknown = "We couldn't check whether your earlier payment went through, so nothing was sent. Press Pay to try again.",
    DemoNothingSent = "This is a demo: nothing was sent or charged.",
    ConfirmingWithMerchant = "Confirming with the merchant…",
    MerchantDidNotConfirm = "We couldn't confirm your payment with the merchant. You can try again.",
    NotPayable = "This checkout can't be paid right now.",
    ChooseMethod = "Choose a payment method.",
    CheckHighlighted = "Check the highlighted details.",
    TotalNotSeen = "The total changed. Check the new total, then confirm.",
    ChallengePending = "Complete the security check first.",

    // When the session cannot be paid
    PaymentComplete = "Payment complete",
    YouPaid = "You paid {amount} to {merchant}.",
    PaymentWentThrough = "Your payment to {merchant} went through.",
    ReceiptOnItsWay = "A receipt is on its way to {email}.",
    CanClosePage = "You can close this page.",
    ExpiredTitle = "This checkout has expired",
    ExpiredAskMerchant = "Nothing has been charged. To pay, ask {merchant} for a new payment link.",
    UnavailableTitle = "This checkout can't be paid right now",
    UnavailableBody = "Nothing has been charged. Please try again later or contact {merchant}.",

    // When the view cannot show a checkout
    UnreadableTitle = "We couldn't read this checkout",
    UnreadableBody = "Its details arrived in a form we don't understand. Nothing has been charged. Try again, and if it keeps happening, contact the merchant.",
    InvalidLinkTitle = "This payment link isn't valid",
    InvalidLinkBody = "Part of the link may be missing. Open the whole link the merchant sent you, or ask them for a new one.",
    NotAuthorizedTitle = "This payment link has expired or isn't valid",
    AskForNewLink = "Nothing has been charged. Ask the merchant for a new payment link.",
    NotFoundTitle = "We couldn't find this checkout",
    NotFoundBody = "Check that you opened the whole link, or ask the merchant for a new one.",
    UnreachableTitle = "We couldn't reach the payment service",
    UnreachableBody = "Nothing has been charged. Check your connection and try again.",
    PartUnavailable = "This part of the checkout didn't load. Nothing has been charged, and what you entered is kept. Check your connection and try again.",
    CrashTitle = "Something went wrong on this page",
    CrashNothingSent = "Nothing more will be sent from this page. If you had already pressed Pay, check for a receipt before paying again.",
    CrashReload = "Please reload the page to start the payment again.",
    CrashGoBack = "Please go back to the merchant and open the payment link again.",

    // The wallet (saved methods)
    SavedMethodsTitle = "Your saved payment methods",
    NoSavedMethods = "You have no saved payment methods.",
    AddMethod = "Add a payment method",
    SaveMethod = "Save payment method",
    MakeDefault = "Make default",
    Remove = "Remove",
    ConfirmRemoval = "Confirm removal",
    RemoveQuestion = "Remove {method}? You can add it again later.",
    YesRemove = "Yes, remove",
    KeepIt = "Keep it",
    DefaultUpdated = "Default payment method updated.",
    MethodRemoved = "Payment method removed.",
    MethodAdded = "Payment method added.",
    DemoNothingChanged = "This is a demo: nothing was changed.",
    NotConnected = "This view isn't connected to the payment service, so nothing was changed.",
    DidNotWork = "That didn't work. Please try again.",
    WalletUnreachable = "We couldn't reach the payment service. Nothing was changed; try again.",

    // The security check
    ChallengeAnnounce = "A security check is now needed before you can pay.",
    SecurityCheck = "Security check",
    NotARobot = "Before paying, confirm you're not a robot.",
    VerifyItsYou = "Verify it's you",
    CodeSentSms = "We sent a code by text message.",
    CodeSentSmsTo = "We sent a code by text message to {hint}.",
    CodeSentEmail = "We sent a code by email.",
    CodeSentEmailTo = "We sent a code by email to {hint}.",
    CodeToSendSms = "We'll send a code by text message.",
    CodeToSendSmsTo = "We'll send a code by text message to {hint}.",
    CodeToSendEmail = "We'll send a code by email.",
    CodeToSendEmailTo = "We'll send a code by email to {hint}.",
    ExtraVerification = "Extra verification needed",
    CheckNotShown = "This payment needs a check this page can't show. Please contact the merchant.",
    CaptchaLoading = "Loading the security check…",
    CaptchaShown = "Complete the {provider} check to continue.",
    CaptchaSolved = "Security check complete.",
    CaptchaExpired = "The security check expired. Please complete it again.",
    CaptchaAgain = "Please complete the security check again before you retry.",
    CaptchaLoadFailed = "The security check couldn't load. Check your connection (or any content blocker), then try again.",
    CaptchaTimeout = "The security check is taking too long to load. Check your connection, then try again.",
    CaptchaWidgetFailed = "The security check ran into a problem. Try again.",
    CaptchaMisconfigured = "This security check isn't set up correctly, so this payment can't be completed here. Please contact the merchant.",
    VerificationCode = "Verification code",
    Verify = "Verify",
    CheckingCode = "Checking…",
    SendCode = "Send code",
    SendNewCode = "Send a new code",
    SendNewCodeIn = "Send a new code in {time}",
    SendingCode = "Sending…",
    NewCodeSentSms = "We sent a new code by text message.",
    NewCodeSentEmail = "We sent a new code by email.",
    DemoCode = "Demo: nothing was sent; the code is {code}.",
    WaitBeforeResend = "Please wait a moment before asking for another code.",
    CouldNotSend = "We couldn't send a code. Please contact the merchant.",
    SendConnectionFailed = "We couldn't send the code because the connection failed. Try again.",
    EnterCodeSms = "Enter the code from the text message ({min} to {max} digits).",
    EnterCodeEmail = "Enter the code from the email ({min} to {max} digits).",
    Verified = "Verified. You can now pay.",
    WrongCode = "That code isn't right. Check it and try again.",
    AttemptsLeft = "Attempts left: {count}.",
    TooManyWrongCodes = "Too many wrong codes. Ask for a new code, or contact the merchant.",
    CodeUncheckable = "The code couldn't be checked. Please reload the page and try again.",
    DemoLocked = "Too many wrong codes. In a real checkout the merchant decides what happens next; reload the demo to start again.",
    VerifyConnectionFailed = "We couldn't check the code because the connection failed. Try again.",
}

#[cfg(test)]
mod tests;
