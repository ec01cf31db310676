import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG text as XML and collects element names, so tests can check it is well formed.
final class SVGWellFormed: NSObject, XMLParserDelegate {
    private(set) var elementNames: [String] = []
    private(set) var rootAttributes: [String: String] = [:]

    /// Element names in document order; fails the test when the text is not well-formed XML.
    static func elements(of svg: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGWellFormed()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")", file: file, line: line)
        return collector.elementNames
    }

    static func rootAttributes(of svg: String) -> [String: String] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGWellFormed()
        parser.delegate = collector
        _ = parser.parse()
        return collector.rootAttributes
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if elementNames.isEmpty { rootAttributes = attributes }
        elementNames.append(elementName)
    }
}
