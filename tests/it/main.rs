//! Integration tests of the core library: an index built in memory from units made in code.

mod added;
mod search;
mod support;
