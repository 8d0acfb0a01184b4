import CLibXML2
import Foundation

/// What the head of an HTML page says about it.
struct HTMLMetadata: Sendable, Hashable {
    var title: String?
    var outlet: String?
    var published: Day?
}

/// Cuts an HTML page into blocks with libxml2's HTML parser (a real, error-tolerant parser).
///
/// The parser gives the tree but not where each text node stood in the raw page, and evidence
/// ranges must point into the raw page. So each text node's decoded content is found again in the
/// raw bytes, moving forward from the previous one, matching character references as the
/// characters they stand for and skipping tags, comments, scripts and styles.
struct HTMLCleaner: Sendable {
    var rules: CleaningRules

    static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "table", "tr",
        "td", "th", "caption", "form", "address", "time", "br", "hr", "title", "body", "head", "html", "details",
        "summary", "center",
    ]
    /// Elements whose content is never article text.
    static let droppedElements: Set<String> = [
        "nav", "footer", "aside", "form", "figcaption", "figure", "button", "select", "label", "menu",
    ]
    static let skippedElements: Set<String> = ["script", "style", "noscript", "template", "iframe", "svg", "object"]

    func parse(_ raw: UnsafeBufferPointer<UInt8>) -> (blocks: [PageBlock], metadata: HTMLMetadata) {
        guard raw.count > 0, raw.count < Int(Int32.max) else { return ([], HTMLMetadata()) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        let doc = raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) {
            htmlReadMemory($0, Int32(raw.count), nil, "UTF-8", options)
        }
        guard let doc else { return ([], HTMLMetadata()) }
        defer { xmlFreeDoc(doc) }
        var walker = Walker(raw: raw, rules: rules)
        if let root = xmlDocGetRootElement(doc) { walker.visit(root, dropped: nil) }
        walker.flush()
        var blocks = walker.blocks
        // The <title> is the headline when the page has no <h1>.
        if !walker.sawH1, let title = walker.titleBlock { blocks.insert(title, at: 0) }
        return (blocks, walker.metadata)
    }
}

private struct Walker {
    let raw: UnsafeBufferPointer<UInt8>
    let rules: CleaningRules
    var blocks: [PageBlock] = []
    var metadata = HTMLMetadata()
    var cursor = 0
    var current: [Range<Int>] = []
    var currentKind = PageBlock.Kind.paragraph
    var currentDropped: String?
    var restStarted = false
    var sawH1 = false
    var titleBlock: PageBlock?

    init(raw: UnsafeBufferPointer<UInt8>, rules: CleaningRules) {
        self.raw = raw
        self.rules = rules
    }

    mutating func flush() {
        if !current.isEmpty {
            blocks.append(PageBlock(runs: current, kind: currentKind, droppedBy: currentDropped, startsRest: restStarted))
            restStarted = false
        }
        current = []
        currentKind = .paragraph
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { free(value) }  // xmlFree is free() unless an app swaps allocators
        return String(cString: value)
    }

    func classAction(_ node: xmlNodePtr) -> CleaningRules.ClassAction? {
        var found: CleaningRules.ClassAction?
        for attr in ["class", "id", "role"] {
            guard let value = Self.attribute(node, attr) else { continue }
            for part in value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }) {
                if let a = rules.classNames[String(part)] {
                    if a == .rest { return .rest }
                    found = a
                }
            }
        }
        return found
    }

    mutating func visit(_ node: xmlNodePtr, dropped: String?) {
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { appendText(content) }
            case XML_ELEMENT_NODE:
                element(c, dropped: dropped)
            default:
                break
            }
            child = c.pointee.next
        }
    }

    mutating func element(_ node: xmlNodePtr, dropped: String?) {
        let name = Self.name(node)
        if name == "meta" { readMeta(node); return }
        if name == "time", metadata.published == nil, let dt = Self.attribute(node, "datetime") { metadata.published = Day(iso: dt) }
        if name == "title" {
            flush()
            visit(node, dropped: nil)
            if !current.isEmpty {
                titleBlock = PageBlock(runs: current, kind: .title)
                metadata.title = current.map { String(decoding: UnsafeBufferPointer(rebasing: raw[$0]), as: UTF8.self) }.joined()
            }
            current = []
            return
        }
        if HTMLCleaner.skippedElements.contains(name) { return }
        var reason = dropped
        var startsRest = false
        if reason == nil {
            if HTMLCleaner.droppedElements.contains(name) { reason = name }
            switch classAction(node) {
            case .drop?: reason = "class of <\(name)>"
            case .rest?: reason = "class of <\(name)>"; startsRest = true
            case nil: break
            }
            // A page header holds the masthead and menu, but the headline may sit inside it.
            if name == "header", !isInsideArticle(node) { reason = "header" }
        }
        let isBlock = HTMLCleaner.blockElements.contains(name)
        if isBlock { flush() }
        if startsRest { restStarted = true }
        let isHeading = name.count == 2 && name.first == "h" && name.last.map { ("1"..."6").contains($0) } == true
        if name == "h1", dropped == nil { sawH1 = true }
        // The headline stays even inside a dropped page header.
        let effective = (name == "h1" && reason == "header") ? nil : reason
        visit(node, dropped: effective)
        if isBlock {
            if !current.isEmpty {
                currentKind = isHeading ? .heading : (name == "li" ? .listItem : currentKind)
                currentDropped = effective
            }
            flush()
            currentDropped = nil
        }
    }

    func isInsideArticle(_ node: xmlNodePtr) -> Bool {
        var p = node.pointee.parent
        while let q = p, q.pointee.type == XML_ELEMENT_NODE {
            let n = Self.name(q)
            if n == "article" || n == "main" { return true }
            p = q.pointee.parent
        }
        return false
    }

    mutating func readMeta(_ node: xmlNodePtr) {
        let key = (Self.attribute(node, "property") ?? Self.attribute(node, "name") ?? Self.attribute(node, "itemprop") ?? "").lowercased()
        guard let content = Self.attribute(node, "content") else { return }
        switch key {
        case "og:site_name", "application-name", "publisher":
            if metadata.outlet == nil { metadata.outlet = content }
        case "article:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "publish-date", "og:published_time":
            if metadata.published == nil { metadata.published = Day(iso: content) }
        case "og:title":
            if metadata.title == nil { metadata.title = content }
        default: break
        }
    }

    /// Finds the text node's content in the raw page from the cursor on and adds its raw range.
    mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        guard length > 0 else { return }
        let text = UnsafeBufferPointer(start: content, count: length)
        // Whitespace-only nodes carry no text and may have been invented by the parser.
        if text.allSatisfy({ $0 <= 0x20 }) { return }
        var p = cursor
        let searchLimit = min(raw.count, cursor + max(1 << 20, length * 4))
        while p < searchLimit {
            let b = raw[p]
            if b == UInt8(ascii: "<") {
                p = skipMarkup(from: p)
                continue
            }
            if let end = match(text, at: p) {
                current.append(p..<end)
                cursor = end
                return
            }
            p += 1
        }
    }

    /// The end of the tag, comment or raw-text element (script, style) starting at `p`.
    func skipMarkup(from p: Int) -> Int {
        guard p + 1 < raw.count else { return p + 1 }
        let next = raw[p + 1]
        let isTag = next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A)
        guard isTag else { return p + 1 }  // a lone "<" is text; libxml2 keeps it as such
        if raw.count > p + 3, raw[p + 1] == UInt8(ascii: "!"), raw[p + 2] == UInt8(ascii: "-"), raw[p + 3] == UInt8(ascii: "-") {
            var q = p + 4
            while q + 2 < raw.count, !(raw[q] == UInt8(ascii: "-") && raw[q + 1] == UInt8(ascii: "-") && raw[q + 2] == UInt8(ascii: ">")) { q += 1 }
            return min(raw.count, q + 3)
        }
        var q = p + 1
        while q < raw.count, raw[q] != UInt8(ascii: ">") { q += 1 }
        let end = min(raw.count, q + 1)
        // <script> and <style> hold raw text up to their closing tag.
        for element in ["script", "style"] where hasName(element, at: p + 1) {
            let closing = Array("</\(element)".utf8)
            var r = end
            while r + closing.count <= raw.count {
                if raw[r] == UInt8(ascii: "<"), zip(closing.indices, closing).allSatisfy({ raw[r + $0] | 0x20 == $1 | 0x20 }) { return r }
                r += 1
            }
            return raw.count
        }
        return end
    }

    func hasName(_ name: String, at p: Int) -> Bool {
        let bytes = Array(name.utf8)
        guard p + bytes.count < raw.count else { return false }
        for (k, b) in bytes.enumerated() where raw[p + k] | 0x20 != b { return false }
        let after = raw[p + bytes.count]
        return after == UInt8(ascii: ">") || after <= 0x20 || after == UInt8(ascii: "/")
    }

    /// Where `text` ends if it stands at `p` in the raw page (references decoded, CR before LF skipped).
    func match(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var p = start, t = 0
        while t < text.count {
            guard p < raw.count else { return nil }
            let b = raw[p]
            if b == UInt8(ascii: "&"), let (scalar, length) = Normalizer.characterReference(raw, at: p, end: raw.count) {
                let utf8 = Array(String(scalar).utf8)
                guard t + utf8.count <= text.count, zip(utf8.indices, utf8).allSatisfy({ text[t + $0] == $1 }) else { return nil }
                p += length; t += utf8.count
                continue
            }
            if b == text[t] {
                p += 1; t += 1
                continue
            }
            if b == 0x0D { p += 1; continue }
            return nil
        }
        return p
    }
}


extension HTMLCleaner {
    /// Title, outlet and publication day from the page's head, parsing only the start of the page.
    func metadata(_ raw: UnsafeBufferPointer<UInt8>) -> HTMLMetadata {
        // The head holds the metadata; a huge page need not be parsed twice to find it.
        var end = min(raw.count, 256 << 10)
        let closing = Array("</head>".utf8)
        if raw.count > closing.count {
            var i = 0
            while i + closing.count <= end {
                if raw[i] == UInt8(ascii: "<"), zip(closing.indices, closing).allSatisfy({ raw[i + $0] | 0x20 == $1 }) {
                    end = i + closing.count
                    break
                }
                i += 1
            }
        }
        var meta = parse(UnsafeBufferPointer(rebasing: raw[0..<end])).metadata
        if let t = meta.title {
            var cleaned = TextPreparer.withoutSiteName(Normalizer().normalize(t)).text
            if cleaned.isEmpty { cleaned = t }
            meta.title = cleaned
        }
        return meta
    }
}
