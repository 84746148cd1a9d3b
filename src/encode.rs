//! Explicit, stable encodings of values that are hashed or used as keys.
//!
//! `Debug` output is for people: it changes when a type gains a field, a derive changes or the
//! standard library formats differently, and a map's `Debug` is in no fixed order. What is kept
//! across runs (the indexer's fingerprints of what a file was read with) or compared as a key
//! (the search result cache) is written here instead, field by field, each value with its
//! length so that no two different values share an encoding. The encoders destructure their
//! types without `..`, so a new field does not compile until it is encoded.

use std::fmt::Write as _;

/// Writes named fields, each value length-prefixed: `name=5:hello;`.
#[derive(Debug, Default)]
pub struct Encoder(String);

impl Encoder {
    /// Starts an encoding with a tag naming what it encodes and its version (`"request 1"`).
    pub fn new(tag: &str) -> Encoder {
        let mut encoder = Encoder::default();
        encoder.field("encoding", tag);
        encoder
    }

    /// Writes one text field.
    pub fn field(&mut self, name: &str, value: &str) -> &mut Encoder {
        let _ = write!(self.0, "{name}={}:{value};", value.len());
        self
    }

    /// Writes one field that may be absent (`name=-;` when it is).
    pub fn optional(&mut self, name: &str, value: Option<&str>) -> &mut Encoder {
        match value {
            Some(value) => self.field(name, value),
            None => {
                let _ = write!(self.0, "{name}=-;");
                self
            }
        }
    }

    /// Writes a list: its length, then each value length-prefixed.
    pub fn list<S: AsRef<str>>(
        &mut self,
        name: &str,
        values: impl IntoIterator<Item = S>,
    ) -> &mut Encoder {
        let values: Vec<S> = values.into_iter().collect();
        let _ = write!(self.0, "{name}=[{}]", values.len());
        for value in &values {
            let value = value.as_ref();
            let _ = write!(self.0, "{}:{value},", value.len());
        }
        self.0.push(';');
        self
    }

    /// Writes a number.
    pub fn number(&mut self, name: &str, value: impl Into<u64>) -> &mut Encoder {
        let _ = write!(self.0, "{name}#{};", value.into());
        self
    }

    /// The encoding.
    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_length_prefixed_so_separators_in_them_cannot_collide() {
        let mut a = Encoder::new("t 1");
        a.list("xs", ["a,b"]);
        let mut b = Encoder::new("t 1");
        b.list("xs", ["a", "b"]);
        assert_ne!(a.finish(), b.finish());
        let mut c = Encoder::new("t 1");
        c.field("x", "1;y=1:2").optional("z", None).number("n", 7u32);
        assert_eq!(c.finish(), "encoding=3:t 1;x=7:1;y=1:2;z=-;n#7;");
    }
}
