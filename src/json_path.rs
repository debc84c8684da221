//! Where in an answer a value sits: the vocabulary every stage uses to point at a field, from the
//! parser's findings through the content checks to diff's locations. A leaf, so that no stage
//! has to import another to name a place in the answer.

use std::fmt;

use serde::Serialize;

/// One step of a [`JsonPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A field of an object.
    Key(String),
    /// An element of an array.
    Index(usize),
}

/// Where in an answer a value sits, written like `answer.blocks[3].table.rows[2].cells[4]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Step>);

impl JsonPath {
    /// The empty path: the whole file.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by a field.
    pub fn key(&self, key: &str) -> Self {
        let mut path = self.clone();
        path.0.push(Step::Key(key.to_string()));
        path
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.clone();
        path.0.push(Step::Index(index));
        path
    }

    /// Whether this path leads to `place` or into it: `answer.blocks[2].paragraph` is within
    /// `answer.blocks[2]`.
    pub fn is_within(&self, place: &JsonPath) -> bool {
        self.0.starts_with(&place.0)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(key) if position == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for JsonPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
