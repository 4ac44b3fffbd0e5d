import Service
import Shares
import Statements

/// `/pools/{id}`: the pool, its plans, what each plan would pay each member on the inputs so
/// far (plan × member), the contributions, the contribution form, and the shares once run.
struct PoolPage {
    struct PlanRow {
        let id: String
        let title: String
        let method: String
        let parameters: String
        let cells: [String]
        let error: String?
    }

    struct ContributionItem {
        let member: String
        let amount: String
        let period: String?
        let note: String?
    }

    struct MemberChoice {
        let id: String
        let name: String
        let selected: Bool
    }

    let title: String
    let id: String
    let name: String
    let amount: String
    let currency: String
    let state: String
    let isOpen: Bool
    let memberNames: [String]
    let memberCount: Int
    let plans: [PlanRow]
    let hasPlans: Bool
    let contributions: [ContributionItem]
    let hasContributions: Bool
    let allocations: Int
    let shares: ShareTable?
    let chosenPlan: String?
    let roundID: String?
    let callerID: String
    let isSteward: Bool
    let memberChoices: [MemberChoice]

    init(id: StatementID, state: OrganizationState, viewer: WebSite.Viewer) throws(ServiceError) {
        let pool = try state.pool(id)
        title = "Pool: " + pool.create.name
        self.id = id.hex
        name = pool.create.name
        amount = pool.create.amount
        currency = pool.create.currency
        self.state = pool.state.rawValue
        isOpen = pool.state == .open
        let members = state.membersInOrder
        memberNames = members.map(\.name)
        memberCount = members.count
        let decimals = pool.create.decimals
        plans = pool.plans.map { planID, plan in
            let parameters = plan.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: ", ")
            do {
                let distribution = try pool.inputs.distribute(pool: pool.create, plan: plan)
                let cells = members.map { member in
                    distribution.share(of: member.id.base64url).map { Money.text(units: $0.amount, decimals: decimals) }
                        ?? "—"
                }
                return PlanRow(
                    id: planID.hex, title: plan.title, method: plan.method, parameters: parameters, cells: cells,
                    error: nil)
            } catch {
                return PlanRow(
                    id: planID.hex, title: plan.title, method: plan.method, parameters: parameters,
                    cells: members.map { _ in "" }, error: "\(error)")
            }
        }
        hasPlans = !plans.isEmpty
        contributions = pool.inputs.contributions.map { _, contribution in
            ContributionItem(
                member: Names.member(contribution.member, in: state), amount: contribution.amount,
                period: contribution.period.map { String($0) }, note: contribution.note)
        }
        hasContributions = !contributions.isEmpty
        allocations = pool.inputs.allocations.count
        if let result = pool.result {
            let pot = (try? Money.units(parsing: pool.create.amount, decimals: decimals)) ?? 0
            shares = ShareTable(
                shares: result.shares.map { (member: Names.member($0.key, in: state), units: $0.value) }.sorted {
                    $0.member < $1.member
                },
                pot: pot, format: { Money.text(units: $0, decimals: decimals) })
            chosenPlan = pool.plans.first { $0.id == result.plan }?.plan.title
            roundID = result.round.hex
        } else {
            shares = nil
            chosenPlan = nil
            roundID = nil
        }
        callerID = viewer.member?.id.base64url ?? ""
        isSteward = viewer.member?.has(.steward) ?? false
        memberChoices = members.map {
            MemberChoice(id: $0.id.base64url, name: $0.name, selected: $0.id == viewer.member?.id)
        }
    }
}
