import WatchpostCore

/// The extractor `watchpost extract --stage events` runs. The coordinator wires the real one here;
/// until then no events are coded.
func makeExtractor() throws -> any EventExtracting {
    NoEventsExtractor()
}

/// Codes no events: a placeholder so that the command and the pipeline can run end to end.
private struct NoEventsExtractor: EventExtracting {
    func events(in prepared: PreparedDocument) -> (events: [Event], findings: [Finding]) { ([], []) }
}
