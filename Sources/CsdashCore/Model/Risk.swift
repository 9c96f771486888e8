/// A rating band of risk scores, e.g. Moderate 5-12.
public struct RiskBand: Sendable, Equatable {
    public var name: String
    public var min: Int
    public var max: Int

    public init(name: String, min: Int, max: Int) {
        self.name = name
        self.min = min
        self.max = max
    }

    /// Low 1-4, Moderate 5-12, High 15-25 on a 5x5 likelihood x impact matrix.
    public static let defaults = [
        RiskBand(name: "Low", min: 1, max: 4),
        RiskBand(name: "Moderate", min: 5, max: 12),
        RiskBand(name: "High", min: 15, max: 25),
    ]
}

/// One assessment of a risk in a period.
public struct RiskAssessment: Sendable, Equatable {
    public var period: Period
    public var likelihood: Int
    public var impact: Int
    public var note: String
    public var location: SourceLocation

    public init(period: Period, likelihood: Int, impact: Int, note: String = "", location: SourceLocation = .none) {
        self.period = period
        self.likelihood = likelihood
        self.impact = impact
        self.note = note
        self.location = location
    }

    public var score: Int { likelihood * impact }
}

public struct RiskAction: Sendable, Equatable {
    public var text: String
    public var owner: String
    public var due: String

    public init(text: String, owner: String = "", due: String = "") {
        self.text = text
        self.owner = owner
        self.due = due
    }
}

/// A corporate risk from risks.yaml.
public struct Risk: Sendable, Equatable {
    public var id: String
    public var title: String
    public var owner: String
    public var panel: String?
    public var description: String
    /// The target score.
    public var target: Int?
    /// In period order.
    public var history: [RiskAssessment]
    public var controls: [String]
    public var actions: [RiskAction]
    public var indicators: [String]
    public var location: SourceLocation
    /// Some of its entry in risks.yaml failed to load: the dashboard marks it.
    public var dataProblem = false
    /// The team's own commentary by quarter (`commentary:` in risks.yaml).
    public var commentary: [Period: String] = [:]

    public init(id: String, title: String, owner: String = "", panel: String? = nil, description: String = "",
                target: Int? = nil, history: [RiskAssessment] = [], controls: [String] = [],
                actions: [RiskAction] = [], indicators: [String] = [], location: SourceLocation = .none) {
        self.id = id
        self.title = title
        self.owner = owner
        self.panel = panel
        self.description = description
        self.target = target
        self.history = history
        self.controls = controls
        self.actions = actions
        self.indicators = indicators
        self.location = location
    }
}
