//! Each non-English catalogue in a wasm chunk of its own (issue #14): a payer downloads only
//! their language. English is compiled in. [`load`] fetches a language's chunk and registers
//! its sentences with the core's `i18n`; without the `split` feature (host and component
//! tests) every catalogue is compiled in and `load` has nothing to do.
use crate::chunk::ChunkFailed;
use crate::i18n::Lang;

/// Makes `lang`'s sentences available to `Lang::text`. On `Err` the language stays unloaded
/// and its texts stay English.
pub async fn load(lang: Lang) -> Result<(), ChunkFailed> {
    #[cfg(feature = "split")]
    if !lang.is_loaded() {
        let text = match lang {
            Lang::En => return Ok(()),
            Lang::Es => chunks::es().await?,
            Lang::Fr => chunks::fr().await?,
            Lang::De => chunks::de().await?,
            Lang::PtBr => chunks::pt_br().await?,
            Lang::Ja => chunks::ja().await?,
            Lang::Ar => chunks::ar().await?,
        };
        crate::i18n::register(lang, text);
    }
    let _ = lang;
    Ok(())
}

/// One split point per language: its catalogue (all its sentences) travels in its chunk.
#[cfg(feature = "split")]
mod chunks {
    use crate::chunk::{split, ChunkFailed};
    use crate::i18n::{self, Catalogue};

    split!(
        i18n_es,
        pub(super) fn es() -> Result<Catalogue, ChunkFailed> {
            Ok(i18n::es::text)
        }
    );
    split!(
        i18n_fr,
        pub(super) fn fr() -> Result<Catalogue, ChunkFailed> {
            Ok(i18n::fr::text)
        }
    );
    split!(
        i18n_de,
        pub(super) fn de() -> Result<Catalogue, ChunkFailed> {
            Ok(i18n::de::text)
        }
    );
    split!(
        i18n_pt_br,
        pub(super) fn pt_br() -> Result<Catalogue, ChunkFailed> {
            Ok(i18n::pt_br::text)
        }
    );
    split!(
        i18n_ja,
        pub(super) fn ja() -> Result<Catalogue, ChunkFailed> {
            Ok(i18n::ja::text)
        }
    );
    split!(
        i18n_ar,
        pub(super) fn ar() -> Result<Catalogue, ChunkFailed> {
            Ok(i18n::ar::text)
        }
    );
}
