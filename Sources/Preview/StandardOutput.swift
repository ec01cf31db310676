import Foundation

/// The server's lines reach a pipe (a test, a log) at once, not when a buffer fills.
func fflushStandardOutput() { fflush(stdout) }
