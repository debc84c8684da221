//! svar writes Danish ministries' answers to questions from Folketinget.
//!
//! The flow, one module per stage: [`input`] reads an answer file into the [`model`];
//! [`render`] turns it into Typst markup through the templates, escaping all content in one
//! place ([`escape`]), or through `markup` for answers that opt in to inline formatting; `world` and [`pdf`] typeset that markup with the embedded Typst compiler;
//! `output` writes the results atomically. [`typeset()`] runs that pipeline for one checked
//! answer and gives its [`Typeset`] pages; [`diff`] compares two answers. [`cli`] is the
//! command line on top.

pub mod cli;
pub mod danish;
pub mod diff;
pub mod escape;
pub(crate) mod fonts;
pub(crate) mod fs;
pub mod input;
pub(crate) mod invisible;
pub mod json_path;
pub mod limit;
pub(crate) mod markup;
pub mod model;
pub(crate) mod output;
mod page_breaks;
pub mod pdf;
pub mod render;
pub(crate) mod spelling;
mod typeset;
pub(crate) mod validate;
pub(crate) mod world;

pub use typeset::{Error, Typeset, retypeset, typeset, typeset_generated};
