import CsdashCore

/// The "Draft commentary" section of the indicator and risk pages: the facts csdash drafts from the data for
/// the quarter viewed, with the key that copies them; the risk page also shows the team's own commentary.
enum DraftCommentaryView {
    static func section(_ doc: inout Document, _ draft: Draft, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        doc.line("Draft commentary, \(s.asAt.short)" + (draft.isEmpty ? "" : " (c copies)"), t[.title])
        if draft.isEmpty {
            doc.line("No facts to draft for this quarter.", t[.muted])
        } else {
            doc.wrapped(draft.text, t[.text])
        }
        doc.blank()
    }

    static func indicator(_ doc: inout Document, _ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext) {
        section(&doc, Commentary.draft(e, in: s.dataset), s, ctx)
    }

    static func risk(_ doc: inout Document, _ r: RiskEvaluation, _ s: AppState, _ ctx: RenderContext) {
        section(&doc, Commentary.draft(r, in: s.card), s, ctx)
        let t = ctx.theme
        doc.line("Commentary, \(s.asAt.short)", t[.title])
        if let c = Commentary.team(r) { doc.wrapped(c, t[.text]) } else { doc.line("No commentary for this quarter.", t[.muted]) }
        doc.blank()
    }
}

/// Copying to the system clipboard is an effect: the update function records what to copy and counts the
/// requests; the terminal layer writes each new request as an OSC 52 sequence (which tmux and the common
/// terminals accept) after drawing the frame.
public struct CopyRequest: Sendable, Equatable {
    public var serial: Int
    public var text: String

    public init(serial: Int, text: String) { (self.serial, self.text) = (serial, text) }

    /// ESC ] 52 ; c ; base64(text) BEL.
    public var osc52: [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(CopyRequest.base64(Array(text.utf8)).utf8) + [0x07]
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 15) << 2 | b2 >> 6)] : 0x3D)
            out.append(i + 2 < bytes.count ? table[Int(b2 & 63)] : 0x3D)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension AppState {
    /// The draft of the indicator or risk whose page is open, if it has one.
    var pageDraft: Draft? {
        switch screen {
        case let .indicator(id): return card.indicator(id).map { Commentary.draft($0, in: dataset) }
        case let .risk(id): return card.risk(id).map { Commentary.draft($0, in: card) }
        default: return nil
        }
    }

    /// `c`: asks the terminal to copy the page's draft, and says so on the bottom line.
    mutating func copyDraft() {
        guard let draft = pageDraft, !draft.isEmpty else {
            notice = "No draft commentary to copy."
            return
        }
        copyRequest = CopyRequest(serial: (copyRequest?.serial ?? 0) + 1, text: draft.text)
        notice = "Draft sent to the clipboard (OSC 52; some terminals ignore it)."
    }
}
