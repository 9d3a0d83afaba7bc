"""Knowledge: the files a user edits (gazetteer, lexicon, codebook, titles), each validated on load."""
