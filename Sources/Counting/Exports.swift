// Outcomes and traces carry method-specific details as JSON members, and are written as
// canonical JSON: users of the counting library use the same JSON types.
@_exported import StrictJSON
