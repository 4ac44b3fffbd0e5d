// Statement payloads are strict JSON: users of the ledger read and write them with the same
// types, so the ledger re-exports them.
@_exported import StrictJSON
