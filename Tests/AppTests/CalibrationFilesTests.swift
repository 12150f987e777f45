import Foundation
import SpikeCore
import Testing
@testable import App

@Suite struct CalibrationFilesTests {
    private func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "spiketty-calibrations-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    @Test func aStoredCalibrationIsReusedForTheSameParameterSet() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = CalibrationFiles(directory: dir)
        let settings = CalibrationSettings.standard
        let stored = ActivationCalibration(key: settings.key, vP05: -50.6, alpha: 0.8, alphaTheory: 0.827)
        files.save(key: settings.key, text: stored.text)
        #expect(FileManager.default.fileExists(atPath: files.path(forKey: settings.key)))
        #expect(try String(contentsOfFile: files.path(forKey: settings.key), encoding: .utf8).contains(settings.key))

        // A fresh cache with the folder behind it loads the file instead of measuring (which
        // would take seconds and give other numbers).
        let cache = CalibrationCache()
        cache.setStore(files)
        let loaded = try #require(cache.calibration(for: settings))
        #expect(loaded.vP05 == -50.6)
        #expect(loaded.alpha == 0.8)
    }

    @Test func fileNamesDifferPerKeyAndAreStable() {
        let files = CalibrationFiles(directory: "/x")
        #expect(files.path(forKey: "a") != files.path(forKey: "b"))
        #expect(files.path(forKey: "a") == CalibrationFiles(directory: "/x").path(forKey: "a"))
        #expect(files.path(forKey: "a").hasPrefix("/x/calibration-"))
    }

    @Test func aCorruptFileIsIgnored() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = CalibrationFiles(directory: dir)
        files.save(key: "k", text: "not a calibration")
        #expect(files.load(key: "k") == "not a calibration")
        #expect((try? ActivationCalibration(text: "not a calibration")) == nil)
    }

    /// A hand-edited file with a width that is not a positive number is refused (and then
    /// measured again), never used to translate weights.
    @Test func impossibleNumbersInAFileAreRefused() {
        let good = ActivationCalibration(key: "k", vP05: -50.6, alpha: 0.8, alphaTheory: 0.827).text
        #expect((try? ActivationCalibration(text: good)) != nil)
        for bad in ["alpha_mv = 0", "alpha_mv = -1", "alpha_mv = nan", "alpha_mv = inf"] {
            let text = good.split(separator: "\n").map { $0.hasPrefix("alpha_mv") ? Substring(bad) : $0 }.joined(separator: "\n")
            #expect((try? ActivationCalibration(text: text)) == nil, "accepted \(bad)")
        }
        let text = good.split(separator: "\n").map { $0.hasPrefix("v_p05_mv") ? "v_p05_mv = nan" : $0 }.joined(separator: "\n")
        #expect((try? ActivationCalibration(text: text)) == nil)
    }
}
