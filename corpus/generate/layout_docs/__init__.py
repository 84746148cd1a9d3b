"""One module per hand-laid-out document (see ../layouts.py). Each defines SLUG, BOARD,
build(variant) -> layout_model.Doc, optionally TUNES (the variants to try) and listing()
(its entry on the board's listing page, for the two boards that have one)."""
