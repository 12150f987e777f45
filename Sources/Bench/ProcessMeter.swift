#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Wall clock, process CPU time and peak resident memory of this process (Linux: VmHWM in
/// /proc/self/status, reset per workload by writing 5 to /proc/self/clear_refs; elsewhere the
/// process-lifetime maximum from getrusage).
enum ProcessMeter {
    static func wallSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Resets the peak-RSS watermark where the kernel allows it; returns whether it did.
    @discardableResult
    static func resetPeakMemory() -> Bool {
        #if os(Linux)
        guard let h = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(h) }
        return fputs("5", h) >= 0
        #else
        return false
        #endif
    }

    /// Peak resident set size, MiB.
    static func peakMemoryMiB() -> Double {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
                let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
                return kb / 1024
            }
        }
        #endif
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// 1-minute load average of the machine (nil where unavailable).
    static func loadAverage() -> Double? {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) >= 1 ? loads[0] : nil
    }
}
