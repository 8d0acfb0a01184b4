/// What extraction gives for one document: its events and what was found along the way.
public struct ExtractionResult: Sendable {
    public var prepared: PreparedDocument
    public var events: [Event]
    public var findings: [Finding]

    public init(prepared: PreparedDocument, events: [Event], findings: [Finding]) {
        self.prepared = prepared
        self.events = events
        self.findings = findings
    }
}

/// Reads prepared sentences and codes events (dates, actors, places, fatalities, claims).
public protocol EventExtracting: Sendable {
    func events(in prepared: PreparedDocument) -> (events: [Event], findings: [Finding])
}

/// The whole flow of DESIGN.md for one document: prepare (normalize, clean, split) → code events.
public struct Pipeline: Sendable {
    public var preparer: any DocumentPreparing
    public var extractor: any EventExtracting

    public init(preparer: any DocumentPreparing, extractor: any EventExtracting) {
        self.preparer = preparer
        self.extractor = extractor
    }

    public func extract(_ document: Document) -> ExtractionResult {
        let prepared = preparer.prepare(document)
        let (events, findings) = extractor.events(in: prepared)
        return ExtractionResult(prepared: prepared, events: events, findings: prepared.findings + findings)
    }
}
