//! The dictionary for the CLI, and `podium readings`: the text as read, in katakana.

use super::draft::read_source;
use super::{shown, Failure, Outcome};
use clap::Args;
use podium::analysis::Words;
use podium::japanese::dictionary::{self, Provenance};
use podium::japanese::{self, Dictionary, UserReadings};
use podium::script;
use podium::store::Store;
use std::io::Write as _;
use std::path::PathBuf;

/// The dictionary and the office's readings, when the dictionary can be had.
pub(crate) struct Japanese {
    dictionary: Dictionary,
    user: UserReadings,
}

impl Japanese {
    pub fn words(&self) -> Words<'_> {
        Words {
            dictionary: &self.dictionary,
            user: &self.user,
        }
    }
}

/// Load (or build, the first time) the dictionary. Without it, say so once on stderr and
/// return `None`: the caller works at the character level.
pub(crate) fn open(db: Option<PathBuf>) -> Option<Japanese> {
    let sources = dictionary::default_sources();
    let Some(cache) = dictionary::default_cache() else {
        note!("podium: 辞書のキャッシュ用フォルダーがないため、文字単位で処理します (no cache folder: working on characters)");
        return None;
    };
    if !dictionary::built_folder(&sources, &cache)
        .is_ok_and(|folder| folder.join("metadata.json").is_file())
    {
        note!("podium: 辞書を準備しています（初回のみ、数十秒かかります）(building the dictionary, once)");
    }
    match dictionary::open(&sources, &cache) {
        Ok((loaded, provenance)) => {
            if let Provenance::Built(took) = provenance {
                note!(
                    "podium: 辞書を作りました（{:.1}秒）(dictionary built in {:.1} s)",
                    took.as_secs_f64(),
                    took.as_secs_f64()
                );
            }
            Some(Japanese {
                dictionary: loaded,
                user: user_readings(db),
            })
        }
        Err(error) => {
            note!("podium: {error} — 文字単位で処理します (no dictionary: working on characters)");
            None
        }
    }
}

/// The office's readings from the database, when there is one (never created here).
fn user_readings(db: Option<PathBuf>) -> UserReadings {
    db.or_else(podium::store::default_db_path)
        .and_then(|path| Store::open_existing(&path).ok())
        .and_then(|store| store.user_readings().ok())
        .unwrap_or_default()
}

#[derive(Args)]
pub struct ReadingsArgs {
    /// 原稿ファイル（- で標準入力）(draft file, - for stdin)
    file: PathBuf,
    /// 読みの辞書を読むデータベース (database holding the reading dictionary)
    #[arg(long)]
    db: Option<PathBuf>,
}

pub fn readings(args: ReadingsArgs) -> Outcome {
    let source = read_source(&args.file)?;
    let japanese = open(args.db).ok_or_else(|| {
        Failure::runtime(
            "読みには辞書（mecab-ipadic）が必要です (readings need the dictionary: install mecab-ipadic)",
        )
    })?;
    let script = script::parse(&source.text);
    // Each sentence is printed as it is read: nothing holds the readings of the whole draft.
    let stdout = std::io::stdout();
    let mut writer = std::io::BufWriter::new(stdout.lock());
    japanese::each_reading(
        &japanese.dictionary,
        &japanese.user,
        &script,
        &source.text,
        |kana, last| {
            writer.write_all(shown(kana).as_bytes())?;
            if last {
                writer.write_all(b"\n")?;
            }
            Ok(())
        },
    )
    .and_then(|()| writer.flush())
    .map_err(Failure::output)
}
