/// Writing SVG by hand, with every piece of text escaped as it is written.
enum SVG {
    /// `text` safe inside an SVG (or HTML) element or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `text` cut to `limit` characters, with an ellipsis when cut.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(max(1, limit - 1))) + "…" : text
    }

    /// A coordinate or length with at most one decimal.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The opening tag of a chart, with its accessible title and description.
    static func open(id: String, width: Double, height: Double, title: String, description: String) -> String {
        """
        <svg id="\(escape(id))" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(number(width)) \(number(height))" \
        width="\(number(width))" height="\(number(height))" role="img" aria-labelledby="\(escape(id))-title \(escape(id))-desc" \
        font-family="system-ui, sans-serif" font-size="13">\
        <title id="\(escape(id))-title">\(escape(title))</title>\
        <desc id="\(escape(id))-desc">\(escape(description))</desc>
        """
    }

    /// A text element.
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", weight: String? = nil,
        fill: String = "#1a1a1a", className: String? = nil
    ) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let className { attributes += " class=\"\(escape(className))\"" }
        return "<text \(attributes)>\(escape(content))</text>"
    }

    /// A rectangle.
    static func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
        className: String? = nil
    ) -> String {
        var attributes =
            "x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        if let className { attributes += " class=\"\(escape(className))\"" }
        return "<rect \(attributes)/>"
    }
}
