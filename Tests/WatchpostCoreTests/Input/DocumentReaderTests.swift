import Foundation
import Testing
@testable import WatchpostCore

/// Bad and good inputs written into a temporary folder.
@Suite struct DocumentReaderTests {
    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wp-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ paths: [String], options: DocumentReader.Options = .init()) -> (docs: [Document], errors: [InputError]) {
        var docs: [Document] = [], errors: [InputError] = []
        DocumentReader(options: options).read(paths) { item in
            switch item {
            case .document(let d): docs.append(d)
            case .error(let e): errors.append(e)
            }
        }
        return (docs, errors)
    }

    @Test func invalidUTF8IsWarnedButTheDocumentComesThrough() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("bad.txt")
        try Data("Shelling hit the town ".utf8 + [0xFF, 0xFE] + Data(" on Monday.".utf8)).write(to: file)
        let (docs, errors) = Self.read([file.path])
        #expect(docs.count == 1)
        #expect(docs.first?.text.contains("\u{FFFD}") == true)
        #expect(errors.map(\.code) == [.invalidUTF8])
        #expect(errors.first?.input == file.path)
    }

    @Test(arguments: [
        ("binary.bin", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14]), InputError.Code.binary),
        ("empty.txt", Data(), .empty),
        ("blank.txt", Data("  \n\t\n".utf8), .empty),
    ])
    func rejectedFilesGiveOneErrorNamingThem(_ name: String, _ content: Data, _ code: InputError.Code) throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent(name)
        try content.write(to: file)
        let (docs, errors) = Self.read([file.path])
        #expect(docs.isEmpty)
        #expect(errors.map(\.code) == [code])
        #expect(errors.first?.description.contains(name) == true)
    }

    @Test func unreadablePathAndOtherInputsGoOn() throws {
        let dir = try Self.tempDir()
        let good = dir.appendingPathComponent("good.txt")
        try Data("Clashes broke out near the village.".utf8).write(to: good)
        let (docs, errors) = Self.read([dir.appendingPathComponent("missing.txt").path, good.path])
        #expect(errors.map(\.code) == [.unreadable])
        #expect(docs.map(\.id) == [good.path])
    }

    @Test func malformedJSONLinesNameFileAndLineAndTheRestComeThrough() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("docs.jsonl")
        let lines = [
            #"{"id": "a", "url": null, "outlet": "Wire", "published": "2020-01-02", "text": "One."}"#,
            #"{"id": "b", "text": "broken"#,
            #"{"id": "c", "published": "2020-01-03"}"#,
            #"{"id": "d", "published": "yesterday", "text": "Two."}"#,
            #"{"id": "e", "text": "<!DOCTYPE html><html><head><title>T</title></head><body><p>Three.</p></body></html>"}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let (docs, errors) = Self.read([file.path])
        #expect(docs.map(\.id) == ["a", "d", "e"])
        #expect(docs.first?.published == Day(iso: "2020-01-02"))
        #expect(docs.first?.outlet == "Wire")
        #expect(docs.last?.format == .html)
        #expect(errors.map(\.code) == [.malformedJSON, .missingField, .invalidField])
        #expect(errors.map(\.line) == [2, 3, 4])
        #expect(errors.allSatisfy { $0.input == file.path })
    }

    @Test func tooLargeIsRejected() throws {
        let dir = try Self.tempDir()
        let file = dir.appendingPathComponent("big.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 2000).write(to: file)
        let (docs, errors) = Self.read([file.path], options: .init(maxBytes: 1000))
        #expect(docs.isEmpty)
        #expect(errors.map(\.code) == [.tooLarge])
    }

    @Test func foldersAreReadRecursivelyInSortedOrderWithFormatsAndMetadata() throws {
        let dir = try Self.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("Shelling on Monday.".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let html = """
        <!doctype html><html><head><title>Strike on depot | Made-up Wire</title>
        <meta property="og:site_name" content="Made-up Wire"><meta property="article:published_time" content="2021-03-04T10:00:00Z">
        </head><body><p>A strike hit a depot.</p></body></html>
        """
        try Data(html.utf8).write(to: dir.appendingPathComponent("sub/a.html"))
        let (docs, errors) = Self.read([dir.path], options: .init(published: Day(iso: "2020-05-05")))
        #expect(errors.isEmpty)
        #expect(docs.map { URL(fileURLWithPath: $0.id).lastPathComponent } == ["b.txt", "a.html"])
        #expect(docs[0].format == .plain && docs[0].published == Day(iso: "2020-05-05"))
        #expect(docs[1].format == .html && docs[1].title == "Strike on depot" && docs[1].outlet == "Made-up Wire")
    }

    /// A 100 MB report is read whole; the text layer's speed is measured on 4 MB of it
    /// (the debug build the tests run in is far slower than release).
    @Test func aHundredMegabyteReportIsReadAndPreparedInBoundedTime() throws {
        let paragraph = "On Monday, shelling hit the town of Kafr Example, killing 3 civilians, a monitor said. Dr. A. Name of the U.S. team counted 14.5 mm rounds.\n\n"
        let count = (100 << 20) / paragraph.utf8.count
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("huge.txt")
        try Data(String(repeating: paragraph, count: count).utf8).write(to: file)
        let clock = ContinuousClock()
        var docs: [Document] = []
        let readTime = clock.measure {
            let result = Self.read([file.path])
            #expect(result.errors.isEmpty)
            docs = result.docs
        }
        let doc = try #require(docs.first)
        #expect(doc.text.utf8.count == count * paragraph.utf8.count)
        let preparer = try TextPreparer.standard()
        let sliceCount = (4 << 20) / paragraph.utf8.count
        let slice = Document(id: "slice", text: String(repeating: paragraph, count: sliceCount))
        var sentences = 0
        let prepareTime = clock.measure { sentences = preparer.prepare(slice).sentences.count }
        let seconds = Double(prepareTime.components.seconds) + Double(prepareTime.components.attoseconds) / 1e18
        print("100 MB report read in \(readTime); 4 MB prepared in \(prepareTime): \(String(format: "%.2f", 4 / seconds)) MB/s (debug build)")
        #expect(sentences == 2 * sliceCount)
        #expect(readTime < .seconds(120) && prepareTime < .seconds(120))
    }
}
