import ArgumentParser
import CsdashCore
import Foundation

CSDash.main()
