//! The dictionary for the CLI, and `podium readings`: the text as read, in katakana.

use super::source::read_source;
use super::{shown, Failure, LibraryArg, Outcome};
use clap::Args;
use podium::japanese::dictionary;
use podium_app::lexicon::Loading;
use podium_app::{analysis, readings, App, Location};
use std::io::Write as _;
use std::path::PathBuf;

/// The application for a command on a text (stats, lint, readings): over the library (`--db`,
/// else `PODIUM_DB`, else the default one) when there is one, for the office's readings
/// (nothing is created), else over none; with the dictionary when `words` and it can be had.
pub(crate) fn app_for_text(library: &LibraryArg, words: bool) -> App {
    let app = library
        .address()
        .ok()
        .and_then(|address| {
            let store = address.open_existing().ok()?;
            Some(App::over(address, store))
        })
        .unwrap_or_else(|| App::open(Location::Memory));
    if words {
        prepare(&app);
    }
    app
}

/// The office's readings from `app`'s database and the dictionary, loaded (or built, the first
/// time) now. Without it, say so once on stderr: analysis works at the character level.
pub(crate) fn prepare(app: &App) {
    let _ = readings::refresh_readings(app);
    app.lexicon
        .load_now(&dictionary::Origin::of_this_program(), |loading| match loading {
            Loading::Building => note!(
                "podium: 辞書を準備しています（初回のみ、数十秒かかります）(building the dictionary, once)"
            ),
            Loading::Built(took) => note!(
                "podium: 辞書を作りました（{:.1}秒）(dictionary built in {:.1} s)",
                took.as_secs_f64(),
                took.as_secs_f64()
            ),
            Loading::Failed(dictionary::DictionaryError::NoCacheFolder) => note!(
                "podium: 辞書のキャッシュ用フォルダーがないため、文字単位で処理します (no cache folder: working on characters)"
            ),
            Loading::Failed(error) => {
                note!("podium: {error} — 文字単位で処理します (no dictionary: working on characters)")
            }
        });
}

#[derive(Args)]
pub struct ReadingsArgs {
    /// 原稿ファイル（- で標準入力）(draft file, - for stdin)
    file: PathBuf,
    #[command(flatten)]
    db: LibraryArg,
}

pub fn readings(args: ReadingsArgs) -> Outcome {
    let source = read_source(&args.file)?;
    let app = app_for_text(&args.db, true);
    // Each sentence is printed as it is read: nothing holds the readings of the whole draft.
    let stdout = std::io::stdout();
    let mut writer = std::io::BufWriter::new(stdout.lock());
    let read = analysis::each_sentence_read(&app, &source.text, |kana, last| {
        writer.write_all(shown(kana).as_bytes())?;
        if last {
            writer.write_all(b"\n")?;
        }
        Ok(())
    })
    .ok_or_else(|| {
        Failure::runtime(
            "読みには辞書（mecab-ipadic）が必要です (readings need the dictionary: install mecab-ipadic)",
        )
    })?;
    read.and_then(|()| writer.flush()).map_err(Failure::output)
}
