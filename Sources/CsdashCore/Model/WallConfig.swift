/// The optional `wall:` section of indicators.yaml: which pages `csdash wall` shows, in which order,
/// and for how long each stays on screen.
public struct WallConfig: Sendable, Equatable {
    /// One page of the wall.
    public enum PageKind: Sendable, Equatable, Hashable {
        /// Every indicator of one panel as a tile.
        case panel(String)
        /// Every indicator worse than target, largest gap first.
        case attention
        /// The heat map and the highest-scoring risks.
        case risks
    }

    public struct Page: Sendable, Equatable {
        public var kind: PageKind
        /// Seconds on screen; nil means the wall's default dwell.
        public var dwell: Double?

        public init(_ kind: PageKind, dwell: Double? = nil) {
            self.kind = kind
            self.dwell = dwell
        }
    }

    /// Seconds per page when a page gives none (nil: the command line's `--dwell`).
    public var dwell: Double?
    /// Days after which the newest data file counts as stale (nil: the command line's `--stale-after`).
    public var staleAfterDays: Double?
    /// The pages in order; empty means the default (one page per panel, then attention, then risks).
    public var pages: [Page]

    public init(dwell: Double? = nil, staleAfterDays: Double? = nil, pages: [Page] = []) {
        self.dwell = dwell
        self.staleAfterDays = staleAfterDays
        self.pages = pages
    }

    /// The default pages for a dataset: one per panel, then "Needs attention", then "Risks" (when there are risks).
    public static func defaultPages(_ dataset: Dataset) -> [Page] {
        dataset.panels.map { Page(.panel($0.id)) } + [Page(.attention)] + (dataset.risks.isEmpty ? [] : [Page(.risks)])
    }

    /// The pages to show: the configured ones, or the default.
    public func pages(for dataset: Dataset) -> [Page] {
        pages.isEmpty ? WallConfig.defaultPages(dataset) : pages
    }
}
