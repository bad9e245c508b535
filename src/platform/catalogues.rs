//! Each non-English catalogue in a wasm chunk of its own (issue #14): a payer downloads only
//! their language. English is compiled in. [`load`] fetches a language's chunk and registers
//! its sentences with the core's `i18n`; without the `split` feature (host and component
//! tests) every catalogue is compiled in and `load` has nothing to do.
use crate::i18n::Lang;
use crate::platform::chunk::ChunkFailed;

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

/// One split point per language: its catalogue (all its sentences) travels in its chunk,
/// `split_i18n_<language>.wasm`.
#[cfg(feature = "split")]
mod chunks {
    use crate::i18n::{self, Catalogue};
    use crate::platform::chunk::{split, ChunkFailed};

    macro_rules! catalogue_chunks {
        ($($chunk:ident: $lang:ident),+ $(,)?) => {$(
            split!(
                $chunk,
                pub(super) fn $lang() -> Result<Catalogue, ChunkFailed> {
                    Ok(i18n::$lang::text)
                }
            );
        )+};
    }

    catalogue_chunks!(i18n_es: es, i18n_fr: fr, i18n_de: de, i18n_pt_br: pt_br, i18n_ja: ja, i18n_ar: ar);
}
