//! Integration tests of the core library: an index built in memory from units made in code.

mod search;
mod store;
mod support;
