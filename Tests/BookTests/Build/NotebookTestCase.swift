import XCTest

/// A test case with a fresh notebook folder of its own, removed after each test.
class NotebookTestCase: XCTestCase {
    var notebook: NotebookFixture!

    override func setUpWithError() throws { notebook = try NotebookFixture() }
    override func tearDown() { notebook?.cleanUp() }
}

/// A notebook test case that runs the built `ganbook` executable on it, as a user would
/// (skipped when this build has no executable beside the tests).
class ExecutableNotebookTestCase: NotebookTestCase {
    var ganbook: GanbookExecutable!

    override func setUpWithError() throws {
        ganbook = try GanbookExecutable.located()
        try super.setUpWithError()
    }
}
