//! A PDF download that a stopped run can resume: the part file and, beside it, the validators
//! of the version whose bytes it holds.

use std::io::{BufWriter, Seek, Write};
use std::path::Path;

use super::body::{Kind, Refused, Start, Validators, copy_from};

/// Where a PDF is downloaded to: `part`, beside `meta`, which keeps the validators of the
/// version whose bytes `part` holds, written before its first byte.
#[derive(Clone, Copy)]
pub struct Resumable<'a> {
    /// The file the body is written to.
    pub part: &'a Path,
    /// The validators of what `part` holds (TOML).
    pub meta: &'a Path,
}

impl Resumable<'_> {
    /// The ETag (else Last-Modified) of the version `part` holds the start of, if `meta` says.
    pub fn validator(&self) -> Option<String> {
        let text = std::fs::read_to_string(self.meta).ok()?;
        let validators: Validators = toml::from_str(&text).ok()?;
        validators.etag.or(validators.last_modified)
    }

    /// Writes a body into `part`: after the bytes already there when the answer is the rest
    /// (`continues` from that length), else from the start, once `meta` says which version.
    pub(super) fn write_body(
        &self,
        reader: &mut dyn std::io::Read,
        limit: u64,
        validators: &Validators,
        continues: Option<u64>,
    ) -> Result<(u64, String), Refused> {
        let io = |err: std::io::Error| Refused::Io(format!("{}: {err}", self.part.display()));
        let (mut file, start) = match continues {
            Some(from) => {
                let mut file = std::fs::OpenOptions::new()
                    .read(true)
                    .write(true)
                    .open(self.part)
                    .map_err(io)?;
                let start = Start::of_file(&mut file).map_err(io)?;
                if start.len() != from {
                    return Err(Refused::Io("the partial download changed".into()));
                }
                file.seek(std::io::SeekFrom::End(0)).map_err(io)?;
                (file, start)
            }
            None => {
                let text = toml::to_string(validators).unwrap_or_default();
                // A torn file here only means the next run cannot resume: it starts again.
                std::fs::write(self.meta, text.as_bytes()).map_err(io)?;
                (std::fs::File::create(self.part).map_err(io)?, Start::default())
            }
        };
        let mut out = BufWriter::new(&mut file);
        let copied = copy_from(reader, &mut out, limit, Kind::Pdf, start)?;
        out.flush().map_err(io)?;
        drop(out);
        file.sync_all().map_err(io)?;
        Ok(copied)
    }
}

/// Where a `Content-Range: bytes <start>-<end>/<len>` answer starts.
pub(super) fn content_range_start(value: &Option<String>) -> Option<u64> {
    value.as_deref()?.trim().strip_prefix("bytes ")?.split('-').next()?.trim().parse().ok()
}
