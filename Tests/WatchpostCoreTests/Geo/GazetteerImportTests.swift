import Foundation
import Testing
@testable import WatchpostCore

/// `watchpost gazetteer import` on small GeoNames and OCHA files written for these tests.
@Suite("Gazetteer import")
struct GazetteerImportTests {
    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/geo/\(name)", withExtension: nil))
    }

    static func tempFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("watchpost-geo-\(UUID().uuidString)/gazetteer.tsv")
    }

    @Test func geoNamesDumpImportsGoodRowsAndNamesBadLines() throws {
        let user = Self.tempFile()
        defer { try? FileManager.default.removeItem(at: user.deletingLastPathComponent()) }
        let report = try GazetteerImporter.importFile(try Self.fixture("geonames_sample.txt"), into: user)
        #expect(report.format == "GeoNames")
        #expect(report.imported == 4)
        #expect(report.skipped == 1)  // class A is not a place the gazetteer keeps
        #expect(report.errors.map(\.line) == [3, 4])
        #expect(report.errors.allSatisfy { $0.input.hasSuffix("geonames_sample.txt") })

        let gazetteer = try Gazetteer(files: [user])
        let village = try #require(gazetteer.lookup("Kfar Testa").first?.place)
        #expect(village.id == "gn-9000001")
        #expect(village.admin1 == "Idlib")  // GeoNames admin1 12 through the data table
        #expect(village.kind == "village" && village.population == 4200)
        #expect(gazetteer.lookup("Jebel Exemplar").first?.place.kind == "mountain")
        #expect(gazetteer.lookup("Exempla Air Base").first?.place.kind == "airport")
        #expect(gazetteer.lookup("Testopolis").first?.place.kind == "city")
        #expect(gazetteer.lookup("Testopolis").first?.place.admin1 == "Aleppo")
    }

    @Test func ochaTableImportsWithPcodesMappedToGovernorates() throws {
        let user = Self.tempFile()
        defer { try? FileManager.default.removeItem(at: user.deletingLastPathComponent()) }
        let report = try GazetteerImporter.importFile(try Self.fixture("ocha_sample.csv"), into: user)
        #expect(report.imported == 2)
        #expect(report.errors.map(\.line) == [4, 5])
        let gazetteer = try Gazetteer(files: [user])
        let mock = try #require(gazetteer.lookup("Mock Qaryeh").first?.place)
        #expect(mock.admin1 == "Idlib" && mock.admin2 == "Ariha" && mock.id == "ocha-C9901")
        let tell = try #require(gazetteer.lookup("Tell Fixture, Upper").first?.place)
        #expect(tell.admin1 == "Hama" && tell.kind == "town")
    }

    @Test func reimportReplacesRowsAndUserFileExtendsTheBundledOne() throws {
        let user = Self.tempFile()
        defer { try? FileManager.default.removeItem(at: user.deletingLastPathComponent()) }
        _ = try GazetteerImporter.importFile(try Self.fixture("ocha_sample.csv"), into: user)
        _ = try GazetteerImporter.importFile(try Self.fixture("ocha_sample.csv"), into: user)
        _ = try GazetteerImporter.importFile(try Self.fixture("geonames_sample.txt"), into: user)
        let text = try String(contentsOf: user, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1 + 2 + 4)
        guard let bundled = BundledData.url("gazetteer/places.tsv") else { return }
        let both = try Gazetteer(files: [bundled, user])
        #expect(both.lookup("Kafartesta").first?.place.id == "gn-9000001")
        #expect(both.lookup("Saraqib").first?.place.admin1 == "Idlib")
    }

    @Test func unknownFormatIsAnError() throws {
        let file = Self.tempFile()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try "just,some,columns\n1,2,3\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try GazetteerImporter.importFile(file, into: Self.tempFile()) }
    }
}
