//! The fraud challenge the server asked for. This file announces it; the interactive
//! flows (captcha widgets, one-time codes) plug in beside it.
mod notice;

pub use notice::ChallengeNotice;
