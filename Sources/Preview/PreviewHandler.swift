import FlyingFox
import Foundation

/// FlyingFox's side of the server: hands the raw request path to `PreviewResponder`.
struct PreviewHandler: HTTPHandler {
    let responder: PreviewResponder

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer = responder.respond(method: request.method.rawValue, rawPath: request.target.path(percentEncoded: true))
        var headers = HTTPHeaders()
        for (name, value) in answer.headers { headers[HTTPHeader(name)] = value }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: PreviewHandler.phrase(answer.status)),
                            headers: headers, body: answer.body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        default: return "Status"
        }
    }
}
