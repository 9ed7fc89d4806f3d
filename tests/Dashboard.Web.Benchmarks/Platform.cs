// The benchmarks read /proc, send POSIX signals and start shell scripts, so they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
