import XCTest
@testable import Book

/// `RunCache.replace` (behind `build --rerun`): the new entry takes the old one's place whole,
/// and a write that fails partway leaves the old entry exactly as it was.
final class RunReplaceTests: NotebookTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try notebook.write("page.md", SmallRun.page(title: "Page", SmallRun.directive(id: "a")))
        try notebook.build()
    }

    func entryFiles(_ hash: String) throws -> [String: Data] {
        let folder = notebook.runs.appendingPathComponent(hash)
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    func testReplaceSwapsInTheNewEntryAndLeavesNoPartial() throws {
        let hash = notebook.entryHashes[0]
        let cache = RunCache(site: notebook.site)
        var files = try entryFiles(hash)
        files["eval.json"] = Data("{\"replaced\": 1}\n".utf8)
        try cache.replace(hash, files: files)
        XCTAssertEqual(try entryFiles(hash), files)
        let names = try FileManager.default.contentsOfDirectory(atPath: notebook.runs.path)
        XCTAssertFalse(names.contains { $0.hasPrefix(RunCache.partialPrefix) }, "\(names)")
    }

    func testAFailedWriteKeepsTheOldEntry() throws {
        let hash = notebook.entryHashes[0]
        let before = try entryFiles(hash)
        var files = before
        // A file and a folder of one name: the write fails partway.
        files["samples/final.png/inner"] = Data([1])
        XCTAssertThrowsError(try RunCache(site: notebook.site).replace(hash, files: files))
        XCTAssertEqual(try entryFiles(hash), before)
        let names = try FileManager.default.contentsOfDirectory(atPath: notebook.runs.path)
        XCTAssertFalse(names.contains { $0.hasPrefix(RunCache.partialPrefix) }, "\(names)")
    }
}
