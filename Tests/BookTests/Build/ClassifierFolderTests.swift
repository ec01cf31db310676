import XCTest
@testable import Book

/// The classifiers live beside the notebook's content, or where $GANBOOK_CACHE says.
final class ClassifierFolderTests: XCTestCase {
    func testBesideContentUnlessTheEnvironmentNamesAFolder() {
        let content = URL(fileURLWithPath: "/notebooks/gans/content", isDirectory: true)
        XCTAssertEqual(ClassifierFolder.cache(content: content, environment: [:]).folder.path, "/notebooks/gans/.ganbook")
        XCTAssertEqual(ClassifierFolder.cache(content: content, environment: ["GANBOOK_CACHE": "/scratch/c"]).folder.path,
                       "/scratch/c")
        XCTAssertEqual(ClassifierFolder.cache(content: content, environment: ["GANBOOK_CACHE": ""]).folder.path,
                       "/notebooks/gans/.ganbook", "an empty variable is unset")
    }

    func testTheFolderIsIgnoredByGit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let ignore = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
        XCTAssertTrue(ignore.split(separator: "\n").contains(".ganbook/"), ignore)
    }
}
