import Foundation

/// What `--watch` compares between polls: every file under the watched folders with its size
/// and its bytes (small notebooks: reading them is cheap, and unlike a modification time the
/// bytes cannot miss an edit made within the same second or restored by a tool).
struct SourceSnapshot: Equatable {
    private(set) var files: [String: FileState] = [:]

    struct FileState: Equatable {
        let size: Int
        /// The bytes of files up to `contentLimit`; larger ones compare by size and modification time.
        let contents: Data?
        let modified: Date?
    }

    static let contentLimit = 8 << 20

    static func take(_ folders: [URL]) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        let manager = FileManager.default
        for folder in folders {
            guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey],
                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]),
                      values.isRegularFile == true else { continue }
                let size = values.fileSize ?? 0
                let contents = size <= contentLimit ? SiteFileReader.read(url) : nil
                snapshot.files[url.path] = FileState(size: size, contents: contents, modified: values.contentModificationDate)
            }
        }
        return snapshot
    }
}
