import WatchpostCore

/// The extractor `watchpost extract --stage events` (and ingest) runs: the event coder with the
/// bundled lexicons and gazetteer.
func makeExtractor() throws -> any EventExtracting {
    try EventCoder.standard()
}
