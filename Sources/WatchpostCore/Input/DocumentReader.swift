import Foundation

/// One thing read from the inputs: a document, or trouble with one input (or one line of it).
public enum ReadItem: Sendable {
    case document(Document)
    case error(InputError)
}

/// Reads reports from files, folders and stdin: JSON Lines (SCHEMA.md), plain text and HTML.
public struct DocumentReader: Sendable {
    public struct Options: Sendable {
        /// For plain/HTML files (JSON Lines carries its own; this fills it where missing).
        public var published: Day?
        public var outlet: String?
        /// Larger inputs are rejected with `.tooLarge`.
        public var maxBytes: Int

        public init(published: Day? = nil, outlet: String? = nil, maxBytes: Int = 256 << 20) {
            self.published = published
            self.outlet = outlet
            self.maxBytes = maxBytes
        }
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// Reads every input in order ("-" is stdin; folders recursively, sorted), calling `body` once
    /// per document or per error. Bad input never throws and never stops the other inputs.
    public func read(_ inputs: [String], _ body: (ReadItem) throws -> Void) rethrows {
        for input in inputs {
            if input == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                try readContent(data, name: "-", pathExtension: "", body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                try body(.error(InputError(.unreadable, input: input, message: "no such file or folder")))
                continue
            }
            if isDirectory.boolValue {
                for file in filesUnder(input) { try readFile(file, body) }
            } else {
                try readFile(input, body)
            }
        }
    }

    /// The files under a folder, recursively, sorted by path; hidden files and folders skipped.
    func filesUnder(_ folder: String) -> [String] {
        let base = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(url.path)
        }
        return files.sorted()
    }

    func readFile(_ path: String, _ body: (ReadItem) throws -> Void) rethrows {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        if let size, size > options.maxBytes {
            try body(.error(InputError(.tooLarge, input: path, message: "\(size) bytes, over the limit of \(options.maxBytes)")))
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            try body(.error(InputError(.unreadable, input: path, message: "cannot read: \(Self.reason(error))")))
            return
        }
        try readContent(data, name: path, pathExtension: URL(fileURLWithPath: path).pathExtension.lowercased(), body)
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return ns.localizedDescription
    }

    func readContent(_ data: Data, name: String, pathExtension: String, _ body: (ReadItem) throws -> Void) rethrows {
        if data.count > options.maxBytes {
            try body(.error(InputError(.tooLarge, input: name, message: "\(data.count) bytes, over the limit of \(options.maxBytes)")))
            return
        }
        if let nul = data.firstIndex(of: 0) {
            try body(.error(InputError(.binary, input: name, column: nul - data.startIndex + 1,
                                       message: "a NUL byte: not a text file")))
            return
        }
        let (text, firstInvalid) = Self.decodeUTF8(data)
        if let firstInvalid {
            try body(.error(InputError(.invalidUTF8, input: name, column: firstInvalid + 1,
                                       message: "not valid UTF-8; decoded with replacement characters")))
        }
        guard text.utf8.contains(where: { $0 > 0x20 }) else {
            try body(.error(InputError(.empty, input: name, message: "no text")))
            return
        }
        let head = Self.leadingBytes(text, 64)
        if pathExtension == "jsonl" || pathExtension == "ndjson" || head.first == UInt8(ascii: "{") {
            try readJSONLines(text, name: name, body)
        } else if pathExtension == "html" || pathExtension == "htm" || Self.looksLikeHTML(head) {
            try body(.document(htmlDocument(text, id: name)))
        } else {
            try body(.document(Document(id: name, outlet: options.outlet, published: options.published, format: .plain, text: text)))
        }
    }

    /// The text, and the byte offset of the first invalid sequence if any was replaced.
    static func decodeUTF8(_ data: Data) -> (String, Int?) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, nil) }
        // Find the first bad sequence to name it in the warning.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var firstBad: Int?
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: break loop
            case .error: firstBad = offset; break loop
            }
        }
        return (String(decoding: bytes, as: UTF8.self), firstBad)
    }

    /// The first `count` bytes after leading whitespace, lower-cased.
    static func leadingBytes(_ text: String, _ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        for b in text.utf8 {
            if out.isEmpty, b <= 0x20 { continue }
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
            if out.count == count { break }
        }
        return out
    }

    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        for prefix in ["<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ", "<!--"] where head.starts(with: Array(prefix.utf8)) {
            return true
        }
        return false
    }

    func htmlDocument(_ text: String, id: String, url: String? = nil, outlet: String? = nil, published: Day? = nil) -> Document {
        var bytes = Array(text.utf8)
        let meta = bytes.withUnsafeMutableBufferPointer { HTMLCleaner(rules: CleaningRules()).metadata(UnsafeBufferPointer($0)) }
        bytes = []
        return Document(id: id, url: url, outlet: outlet ?? options.outlet ?? meta.outlet,
                        published: published ?? options.published ?? meta.published,
                        title: meta.title, format: .html, text: text)
    }

    /// The number (from 1) and byte range of each line of `text` holding more than white space, as
    /// `split(separator: 0x0A, omittingEmptySubsequences: false)` numbers them; found on the bytes
    /// (the generic split of the UTF-8 view cost ~50 instructions a byte of input).
    static func nonBlankLines(_ text: String) -> [(number: Int, bytes: Range<Int>)] {
        var copy = text
        return copy.withUTF8 { b in
            var lines: [(number: Int, bytes: Range<Int>)] = []
            var start = 0, number = 0, blank = true
            for i in 0...b.count {
                if i == b.count || b[i] == 0x0A {
                    number += 1
                    if !blank { lines.append((number, start..<i)) }
                    start = i + 1
                    blank = true
                } else if b[i] > 0x20 {
                    blank = false
                }
            }
            return lines
        }
    }

    func readJSONLines(_ text: String, name: String, _ body: (ReadItem) throws -> Void) rethrows {
        let utf8 = text.utf8
        for (lineNumber, bytes) in Self.nonBlankLines(text) {
            let line = utf8[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)]
            let object: [String: Any]
            do {
                guard let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    try body(.error(InputError(.malformedJSON, input: name, line: lineNumber, message: "not a JSON object")))
                    continue
                }
                object = o
            } catch {
                try body(.error(InputError(.malformedJSON, input: name, line: lineNumber, message: "not valid JSON")))
                continue
            }
            guard let text = object["text"] as? String else {
                let code: InputError.Code = object["text"] == nil ? .missingField : .invalidField
                try body(.error(InputError(code, input: name, line: lineNumber, message: "\"text\" must be a string")))
                continue
            }
            let id: String
            switch object["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = n.stringValue
            default: id = "\(name):\(lineNumber)"
            }
            var published = options.published
            if let p = object["published"], !(p is NSNull) {
                if let s = p as? String, let day = Day(iso: s) {
                    published = day
                } else {
                    try body(.error(InputError(.invalidField, input: name, line: lineNumber,
                                               message: "\"published\" is not a YYYY-MM-DD date; the document is read without it")))
                }
            }
            let url = object["url"] as? String
            let outlet = (object["outlet"] as? String) ?? options.outlet
            if Self.looksLikeHTML(Self.leadingBytes(text, 64)) {
                try body(.document(htmlDocument(text, id: id, url: url, outlet: outlet, published: published)))
            } else {
                try body(.document(Document(id: id, url: url, outlet: outlet, published: published, format: .plain, text: text)))
            }
        }
    }
}
