use crate::model::{ChallengeType, Config};
use leptos::prelude::*;

/// Says which security check is needed and, for codes, where the code goes (masked).
#[component]
pub fn ChallengeNotice(config: Signal<Config>) -> impl IntoView {
    let challenge = Memo::new(move |_| config.with(|c| c.challenge.clone()));
    move || {
        challenge.get().map(|ch| {
            let (title, detail): (&str, Option<String>) = match ch.kind {
                ChallengeType::Hcaptcha | ChallengeType::Turnstile => {
                    ("Security check", Some("Before paying, you'll confirm you're not a robot".to_owned()))
                }
                ChallengeType::Sms | ChallengeType::Email => {
                    let channel = if ch.kind == ChallengeType::Sms { "text message" } else { "email" };
                    let sent = if ch.code_sent { "We sent a code by" } else { "We'll send a code by" };
                    ("Verify it's you", Some(format!("{sent} {channel}")))
                }
                ChallengeType::Other(_) => (
                    "Extra verification needed",
                    Some("This payment needs a check this page can't show; please contact the merchant".to_owned()),
                ),
            };
            view! {
                <div class="sv-challenge" role="status" data-testid="challenge" data-kind=kind_name(&ch.kind)>
                    <h3 class="sv-subheading">{title}</h3>
                    <p>
                        {detail}
                        {ch.delivery_hint.map(|h| view! { " to " <bdi class="sv-hint">{h}</bdi> })}
                        "."
                    </p>
                </div>
            }
        })
    }
}

fn kind_name(k: &ChallengeType) -> &'static str {
    match k {
        ChallengeType::Hcaptcha => "hcaptcha",
        ChallengeType::Turnstile => "turnstile",
        ChallengeType::Sms => "sms",
        ChallengeType::Email => "email",
        ChallengeType::Other(_) => "other",
    }
}
