import ArgumentParser

CSDash.main()
