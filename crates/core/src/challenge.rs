//! The fraud challenge's rules, pure so every one is a host test: which script each captcha
//! provider needs (only its official URL), one-time code input, the resend cooldown, and
//! what the server's answers to send/verify mean. The browser side is `view/challenge/`.
use crate::validate;

/// A captcha provider whose widget the view renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    Hcaptcha,
    Turnstile,
}

impl Provider {
    pub const ALL: [Provider; 2] = [Provider::Hcaptcha, Provider::Turnstile];

    /// The official script, explicit-render mode. No `onload=` name: the view waits for the
    /// script element's `load` event, so there is no global callback to collide with.
    /// These two URLs are the only scripts the view ever loads.
    pub fn script_url(self) -> &'static str {
        match self {
            Provider::Hcaptcha => "https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off",
            Provider::Turnstile => "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit",
        }
    }

    /// The global the script defines (`render`, `reset`, `remove`, `getResponse`).
    pub fn global(self) -> &'static str {
        match self {
            Provider::Hcaptcha => "hcaptcha",
            Provider::Turnstile => "turnstile",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Provider::Hcaptcha => "hCaptcha",
            Provider::Turnstile => "Cloudflare Turnstile",
        }
    }

    /// The render-parameter names of the callbacks, as each provider documents them:
    /// (solved, expired, error, extra). The extra one is hCaptcha's `chalexpired-callback`
    /// (the puzzle timed out) and Turnstile's `timeout-callback` (interactive check timed out);
    /// both mean "ask again".
    pub fn callback_names(self) -> [&'static str; 4] {
        match self {
            Provider::Hcaptcha => ["callback", "expired-callback", "error-callback", "chalexpired-callback"],
            Provider::Turnstile => ["callback", "expired-callback", "error-callback", "timeout-callback"],
        }
    }
}

/// Shortest and longest one-time code accepted.
pub const CODE_MIN: usize = 4;
pub const CODE_MAX: usize = 10;
/// Seconds before "Resend code" when the server does not say.
pub const DEFAULT_RESEND_S: u32 = 30;
/// Longest resend wait the view will show, whatever the server says.
pub const MAX_RESEND_S: u32 = 600;

/// What the payer typed or pasted, as the code: digits only (full-width and Arabic-Indic
/// digits read as ASCII, [`crate::digits`]). From a pasted message, the first group of
/// [`CODE_MIN`] to [`CODE_MAX`] digits (spaces or dashes between them) wherever it stands:
/// "Your code is 123 456, valid 10 min" is "123456". Otherwise every digit, at most [`CODE_MAX`].
pub fn normalize_code(input: &str) -> String {
    let chars: Vec<char> = input.chars().collect();
    let mut groups: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, c) in chars.iter().enumerate() {
        if let Some(d) = crate::digits::ascii_digit(*c) {
            current.push(d);
            continue;
        }
        let next_is_digit = chars.get(i + 1).copied().and_then(crate::digits::ascii_digit).is_some();
        let joins = matches!(c, ' ' | '-' | '\u{a0}' | '\u{2009}' | '\u{202f}') && !current.is_empty() && next_is_digit;
        if !joins && !current.is_empty() {
            groups.push(std::mem::take(&mut current));
        }
    }
    groups.push(current);
    groups.into_iter().find(|g| (CODE_MIN..=CODE_MAX).contains(&g.len())).unwrap_or_else(|| crate::digits::only(input, CODE_MAX))
}

/// Whether `code` (normalised) is long enough to be checked.
pub fn code_complete(code: &str) -> bool {
    (CODE_MIN..=CODE_MAX).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

/// Whole seconds until "Resend code" is allowed again (0 = now).
pub fn resend_left_s(sent_at_ms: i64, now_ms: i64, wait_s: u32) -> u32 {
    let until = sent_at_ms.saturating_add(i64::from(wait_s.min(MAX_RESEND_S)) * 1000);
    let left = until.saturating_sub(now_ms).clamp(0, i64::from(MAX_RESEND_S) * 1000);
    ((left + 999) / 1000) as u32
}

/// What the server said to `…/challenge/send`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendAnswer {
    /// Sent; resend allowed after this many seconds.
    Sent { resend_after_s: u32 },
    /// Not now (429): wait this long; the message, if any.
    Wait { resend_after_s: u32, message: Option<String> },
    /// Refused for another reason (no more codes, session over): the message, if any.
    Refused(Option<String>),
}

/// What the server said to `…/challenge/verify`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyAnswer {
    /// Right code: the response to send with confirm.
    Verified(String),
    /// Wrong code: the message and attempts left, if the server said.
    Wrong { message: Option<String>, attempts_left: Option<u32> },
    /// No more attempts: the server's message, if any.
    Locked(Option<String>),
    /// A 2xx without a usable response: not a pass (the confirm would be refused), and
    /// trying again will not help. The payer is asked to reload.
    Unusable,
}

fn seconds_in(v: &serde_json::Value, key: &str) -> Option<u32> {
    let s = v.get(key)?.as_u64()?;
    Some(s.min(u64::from(MAX_RESEND_S)) as u32)
}

/// `status` and body of a send answer (5xx and no answer are failures, handled before).
/// `retry_after_s` is the `Retry-After` header in seconds, if any.
pub fn send_answer(status: u16, body: &str, retry_after_s: Option<u32>) -> SendAnswer {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let wait = seconds_in(&v, "resend_after").or(retry_after_s.map(|s| s.min(MAX_RESEND_S)));
    match status {
        200..=299 => SendAnswer::Sent { resend_after_s: wait.unwrap_or(DEFAULT_RESEND_S) },
        429 => SendAnswer::Wait { resend_after_s: wait.unwrap_or(DEFAULT_RESEND_S), message: validate::server_message(&v, "message") },
        _ => SendAnswer::Refused(validate::server_message(&v, "message")),
    }
}

/// `status` and body of a verify answer. 2xx with `challenge_response`; 429, 423 or
/// `attempts_left: 0` lock the code; any other 4xx is a wrong code.
pub fn verify_answer(status: u16, body: &str) -> VerifyAnswer {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let attempts_left = v.get("attempts_left").and_then(serde_json::Value::as_u64).map(|n| n.min(1000) as u32);
    match status {
        200..=299 => match v.get("challenge_response").and_then(serde_json::Value::as_str).and_then(crate::validate::token) {
            Some(t) => VerifyAnswer::Verified(t.to_owned()),
            // A 2xx without a usable response is not a pass: the confirm would be refused.
            None => VerifyAnswer::Unusable,
        },
        423 | 429 => VerifyAnswer::Locked(validate::server_message(&v, "message")),
        _ if attempts_left == Some(0) => VerifyAnswer::Locked(validate::server_message(&v, "message")),
        _ => VerifyAnswer::Wrong { message: validate::server_message(&v, "message"), attempts_left },
    }
}

/// The demo gallery's stand-in server: nothing is sent; the code is `123456`, three tries.
pub const DEMO_CODE: &str = "123456";

pub fn demo_verify(code: &str, attempts_made: u32) -> VerifyAnswer {
    if code == DEMO_CODE {
        VerifyAnswer::Verified("demo_verified".to_owned())
    } else if attempts_made + 1 >= 3 {
        VerifyAnswer::Locked(None)
    } else {
        VerifyAnswer::Wrong { message: None, attempts_left: Some(3 - attempts_made - 1) }
    }
}

/// What a one-time code's box says: whether the code is sent or about to be, by text message
/// or email, and whether to a masked destination (`{hint}`) the payer can recognise.
pub fn code_words(code_sent: bool, sms: bool, has_hint: bool) -> crate::i18n::Msg {
    use crate::i18n::Msg;
    match (code_sent, sms, has_hint) {
        (true, true, false) => Msg::CodeSentSms,
        (true, true, true) => Msg::CodeSentSmsTo,
        (true, false, false) => Msg::CodeSentEmail,
        (true, false, true) => Msg::CodeSentEmailTo,
        (false, true, false) => Msg::CodeToSendSms,
        (false, true, true) => Msg::CodeToSendSmsTo,
        (false, false, false) => Msg::CodeToSendEmail,
        (false, false, true) => Msg::CodeToSendEmailTo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_official_scripts_in_explicit_mode() {
        for p in Provider::ALL {
            let url = p.script_url();
            assert!(url.starts_with("https://"), "{url}");
            assert!(url.contains("render=explicit"), "{url}");
            assert!(!url.contains("onload="), "no global callback name: {url}");
        }
        assert!(Provider::Hcaptcha.script_url().starts_with("https://js.hcaptcha.com/1/api.js?"));
        assert!(Provider::Turnstile.script_url().starts_with("https://challenges.cloudflare.com/turnstile/v0/api.js?"));
        assert_eq!(Provider::Turnstile.callback_names()[2], "error-callback", "Turnstile throws without one");
    }

    #[test]
    fn codes_are_digits_however_they_arrive() {
        assert_eq!(normalize_code("123 456"), "123456");
        assert_eq!(normalize_code("Your code is 123-456."), "123456");
        assert_eq!(normalize_code("١٢٣٤٥٦"), "123456", "Arabic-Indic digits");
        assert_eq!(normalize_code("۱۲۳۴۵۶"), "123456", "extended Arabic-Indic digits");
        assert_eq!(normalize_code("１２３４５６"), "123456", "full-width digits");
        assert_eq!(normalize_code("12345678901234"), "1234567890", "at most ten digits");
        assert_eq!(normalize_code("abc"), "");
        assert_eq!(normalize_code("Your Fellside code is 123 456"), "123456", "a whole SMS pasted");
        assert_eq!(normalize_code("Fellside: 123456 is your code. It expires in 10 minutes."), "123456");
        assert_eq!(normalize_code("Use 4821 by 12:30"), "4821", "not the time after it");
        assert_eq!(normalize_code("12"), "12", "typed so far");
        assert!(code_complete("1234") && code_complete("123456") && code_complete("1234567890"));
        assert!(!code_complete("123") && !code_complete("") && !code_complete("12a456"));
    }

    #[test]
    fn resend_cooldown_counts_whole_seconds_down() {
        assert_eq!(resend_left_s(0, 0, 30), 30);
        assert_eq!(resend_left_s(0, 1, 30), 30, "a partial second still counts");
        assert_eq!(resend_left_s(0, 29_001, 30), 1);
        assert_eq!(resend_left_s(0, 30_000, 30), 0);
        assert_eq!(resend_left_s(0, 99_000, 30), 0);
        assert_eq!(resend_left_s(0, 0, 100_000), MAX_RESEND_S, "capped");
        assert_eq!(resend_left_s(i64::MAX, 0, 30), MAX_RESEND_S, "a clock far off cannot overflow");
        assert_eq!(crate::time::clock(27), "0:27");
        assert_eq!(crate::time::clock(90), "1:30");
    }

    #[test]
    fn send_answers() {
        assert_eq!(send_answer(200, "{}", None), SendAnswer::Sent { resend_after_s: DEFAULT_RESEND_S });
        assert_eq!(send_answer(202, r#"{"resend_after": 45}"#, None), SendAnswer::Sent { resend_after_s: 45 });
        assert_eq!(send_answer(200, r#"{"resend_after": 99999}"#, None), SendAnswer::Sent { resend_after_s: MAX_RESEND_S });
        assert_eq!(
            send_answer(429, r#"{"message": "Too many codes sent."}"#, Some(12)),
            SendAnswer::Wait { resend_after_s: 12, message: Some("Too many codes sent.".into()) }
        );
        assert_eq!(send_answer(409, "<html>", None), SendAnswer::Refused(None));
    }

    #[test]
    fn verify_answers() {
        assert_eq!(verify_answer(200, r#"{"challenge_response": "vc_abc123"}"#), VerifyAnswer::Verified("vc_abc123".into()));
        assert!(matches!(verify_answer(200, r#"{"challenge_response": "x\" y"}"#), VerifyAnswer::Unusable), "not a plain token");
        assert_eq!(verify_answer(200, "{}"), VerifyAnswer::Unusable);
        assert_eq!(
            verify_answer(422, r#"{"message": "That code is wrong.", "attempts_left": 2}"#),
            VerifyAnswer::Wrong { message: Some("That code is wrong.".into()), attempts_left: Some(2) }
        );
        assert_eq!(verify_answer(400, ""), VerifyAnswer::Wrong { message: None, attempts_left: None });
        assert_eq!(
            verify_answer(422, r#"{"message": "No tries left.", "attempts_left": 0}"#),
            VerifyAnswer::Locked(Some("No tries left.".into()))
        );
        assert_eq!(verify_answer(429, r#"{"message": "Locked."}"#), VerifyAnswer::Locked(Some("Locked.".into())));
    }

    #[test]
    fn the_demo_server_takes_one_code_and_three_tries() {
        assert_eq!(demo_verify(DEMO_CODE, 0), VerifyAnswer::Verified("demo_verified".into()));
        assert_eq!(demo_verify("000000", 0), VerifyAnswer::Wrong { message: None, attempts_left: Some(2) });
        assert_eq!(demo_verify("000000", 1), VerifyAnswer::Wrong { message: None, attempts_left: Some(1) });
        assert_eq!(demo_verify("000000", 2), VerifyAnswer::Locked(None));
    }

    #[test]
    fn code_words_name_the_channel_and_the_destination_only_when_there_is_one() {
        use crate::i18n::{Lang, Msg};
        assert_eq!(super::code_words(true, true, true), Msg::CodeSentSmsTo);
        assert_eq!(super::code_words(false, false, false), Msg::CodeToSendEmail);
        for sent in [true, false] {
            for sms in [true, false] {
                for hint in [true, false] {
                    let text = Lang::En.text(super::code_words(sent, sms, hint));
                    assert_eq!(text.contains("{"), hint, "{text}: a placeholder exactly when there is a hint");
                }
            }
        }
    }
}
