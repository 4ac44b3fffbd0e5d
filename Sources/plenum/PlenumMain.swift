import PlenumCLI

/// The `plenum` executable: hands the process's arguments to the command tree in PlenumCLI.
@main
enum PlenumMain {
    static func main() async {
        await PlenumCommand.main()
    }
}
