//! UI strings in Vietnamese (default) and English. The letter itself is
//! always Vietnamese and is not translated.

use thongbao_core::Lang;

/// (key, Vietnamese, English).
const STRINGS: &[(&str, &str, &str)] = &[
    ("app-title", "Thông báo kết quả ứng dụng CNTT phòng, chống dịch", "COVID-19 technology report"),
    ("privacy", "Dữ liệu chỉ được xử lý trên máy tính này, không gửi đi đâu.", "Your data is processed on this computer only; nothing is sent anywhere."),
    ("choose-file", "Chọn tệp số liệu", "Choose data file"),
    ("drop-here", "Kéo thả tệp .csv, .xlsx, .ods vào đây, dán bảng từ Excel (Ctrl+V), hoặc", "Drop a .csv, .xlsx or .ods file here, paste a table from Excel (Ctrl+V), or"),
    ("source", "Nguồn số liệu", "Data source"),
    ("sample", "Mẫu", "Sample"),
    ("use-sample", "Dùng lại dữ liệu mẫu", "Back to the sample"),
    ("units", "Số đơn vị", "Units"),
    ("districts", "Số huyện", "Districts"),
    ("locations", "Địa điểm tạo mã QR", "QR locations"),
    ("scans", "Lượt quét QR", "QR scans"),
    ("installs", "Máy cài PC-Covid", "PC-Covid installs"),
    ("smartphones", "Điện thoại thông minh", "Smartphones"),
    ("rate", "Tỷ lệ cài đặt", "Install rate"),
    ("table-title", "Số liệu các đơn vị", "Figures per unit"),
    ("stt", "STT", "No."),
    ("district", "Huyện", "District"),
    ("unit", "Đơn vị", "Unit"),
    ("total", "Tổng cộng", "Total"),
    ("loading", "Đang đọc tệp…", "Reading the file…"),
    ("high-units", "Đơn vị có lượt quét cao", "Units with high scans"),
    ("low-units", "Đơn vị có lượt quét thấp", "Units with low scans"),
    ("low-installers", "Đơn vị cài đặt PC-Covid thấp", "Units with low installs"),
    ("zero-units", "Báo cáo 0 lượt quét", "Reported zero scans"),
    ("missing-units", "Không báo cáo kỳ này", "Did not report"),
    ("n-units", "đơn vị", "units"),
    ("download-issues", "Tải danh sách dòng lỗi (CSV)", "Download the list of row issues (CSV)"),
    ("none", "Không có", "None"),
    ("lang-switch", "English", "Tiếng Việt"),
    ("print", "In công văn", "Print letter"),
    ("download-docx", "Tải công văn (.docx)", "Download letter (.docx)"),
    ("download-csv", "Tải bảng (.csv)", "Download table (.csv)"),
    ("download-xlsx", "Tải bảng (.xlsx)", "Download table (.xlsx)"),
    ("since", "so với", "since"),
    ("letter-fields", "Nội dung công văn", "Letter fields"),
    ("fs-header", "Phần đầu", "Header"),
    ("f-issuer", "Cơ quan ban hành (mỗi dòng một dòng)", "Issuing body (one line each)"),
    ("f-issuer-short", "Tên viết tắt (dùng trong «Kèm theo…»)", "Short name (used in “Kèm theo…”)"),
    ("f-issuer-full", "Tên cơ quan làm chủ ngữ", "Name as subject of a sentence"),
    ("f-number", "Số", "Number"),
    ("f-symbol", "Ký hiệu", "Symbol"),
    ("f-place", "Địa danh", "Place"),
    ("f-issue-date", "Ngày ban hành", "Date of issue"),
    ("f-area", "Địa bàn (trong câu)", "Area (in sentences)"),
    ("f-area-word", "Cấp địa bàn", "Area type word"),
    ("f-data-date", "Số liệu tính đến ngày (để trống: theo tệp)", "Figures as of (empty: from the file)"),
    ("needs-data-date", "Công văn cần ngày của số liệu, nhưng tệp không có ngày: nhập ngày ở đây, nếu không công văn để trống «…/…/…» để điền tay.", "The letter needs the date of the figures, but the file has none: type it here, or the letter leaves “…/…/…” to fill in by hand."),
    ("f-subject", "Trích yếu", "Subject"),
    ("fs-body", "Nội dung", "Body"),
    ("f-recipients", "Kính gửi (mỗi dòng một nơi)", "Recipients (one per line)"),
    ("f-reference", "Căn cứ", "Reference"),
    ("f-section1", "Mục 1. Kết quả thực hiện", "Section 1. Results"),
    ("section1-generated", "Viết tự động từ số liệu.", "Written from the figures."),
    ("section1-edited", "Đã sửa tay: không tự cập nhật theo số liệu.", "Edited by hand: no longer follows the figures."),
    ("reset-section1", "Viết lại từ số liệu", "Rewrite from the figures"),
    ("f-section2", "Mục 2. Tồn tại, hạn chế", "Section 2. Shortcomings"),
    ("f-section3", "Mục 3. Chỉ đạo thực hiện", "Section 3. Directions"),
    ("fs-signature", "Chữ ký và nơi nhận", "Signature and distribution"),
    ("f-authority", "Quyền hạn ký (KT., TM., …)", "Signing authority (KT., TM., …)"),
    ("f-title", "Chức vụ", "Title"),
    ("f-signer", "Họ và tên người ký", "Signer's name"),
    ("f-noi-nhan", "Nơi nhận (mỗi dòng một nơi)", "Distribution list (one per line)"),
    ("f-appendix-title", "Tên phụ lục", "Appendix title"),
    ("placeholders-hint", "Có thể dùng {date}, {prev_dm}, {locations}, {scans}, {installs}, {smartphones}, {rate}, {high_units}, {low_units}, {low_installers} trong văn bản: chúng được thay bằng số liệu.", "You can use {date}, {prev_dm}, {locations}, {scans}, {installs}, {smartphones}, {rate}, {high_units}, {low_units}, {low_installers} in the text: they are replaced by the figures."),
    ("not-a-count", "Hãy nhập một số nguyên, ví dụ 4.336", "Enter a whole number, e.g. 4.336"),
    ("manual-title", "Số liệu bổ sung và kỳ trước", "Extra figures and previous report"),
    ("manual-hint", "Dùng khi tệp không có cột này. Nếu tệp có, số tính từ tệp được dùng và số nhập tay chỉ để đối chiếu.", "Used when the file has no such column. When it has, the computed figure is used and the typed one is only checked."),
    ("typed-rate", "Tỷ lệ đã ghi (để đối chiếu)", "Rate as written (to check)"),
    ("previous-report", "Kỳ báo cáo trước", "Previous report"),
    ("prev-date", "Ngày kỳ trước", "Previous date"),
    ("prev-from-data", "Kỳ trước lấy từ dữ liệu đã tải (tệp thứ hai hoặc cột ngày).", "The previous period comes from the loaded data (a second file or a date column)."),
    ("settings-title", "Ngưỡng phân loại", "Thresholds"),
    ("high-threshold", "Quét cao: ≥ % trung bình", "High scans: ≥ % of mean"),
    ("low-threshold", "Quét thấp: < % trung bình", "Low scans: < % of mean"),
    ("low-install-threshold", "Cài đặt thấp: < % tỷ lệ chung", "Low installs: < % of overall rate"),
    ("decimals", "Số chữ số thập phân của tỷ lệ", "Decimals of rates"),
    ("notice-tools", "Công cụ công văn", "Letter tools"),
    ("notice-title", "Công văn", "Official letter"),
    ("edit-mapping", "Sửa cách gán cột", "Correct the columns"),
    ("mapping-title", "Gán cột", "Column mapping"),
    ("mapping-hint", "Chọn mỗi cột chứa gì. Lựa chọn được nhớ cho các tệp có cùng dòng tiêu đề.", "Choose what each column holds. The choice is remembered for files with the same header."),
    ("mapping-ignore", "— bỏ qua —", "— ignore —"),
    ("mapping-needs", "Cần một cột tên đơn vị và ít nhất một cột số liệu.", "A unit column and at least one figure column are needed."),
    ("mapping-apply", "Đọc lại với cách gán này", "Read again with this mapping"),
    ("reread-as", "Đọc lại", "Read again"),
    ("encoding", "Bảng mã", "Encoding"),
    ("delimiter", "Dấu phân cách", "Delimiter"),
    ("sheet", "Trang tính", "Sheet"),
    ("auto", "Tự nhận", "Automatic"),
    ("account", "Các dòng", "Rows"),
    ("pasted", "Dán từ bộ nhớ tạm", "Pasted"),
    ("multi-hint", "Chọn hai tệp (tuần này và tuần trước) để có so sánh với kỳ trước.", "Choose two files (this week and last week) to compare with the previous report."),
    ("charts", "Biểu đồ", "Charts"),
    ("download-svg", "Tải SVG", "Download SVG"),
    ("download-png", "Tải PNG", "Download PNG"),
    ("chart-alt", "Số liệu của các biểu đồ có trong bảng bên dưới.", "The charts' figures are in the table below."),
    ("saved-title", "Dữ liệu đã lưu", "Saved work"),
    ("saved-hint", "Số liệu, nội dung công văn và các kỳ báo cáo được lưu trong trình duyệt trên máy này, không gửi đi đâu.", "Figures, letter fields and past periods are kept in this browser on this computer; nothing is sent anywhere."),
    ("history-title", "Các kỳ báo cáo đã lưu", "Stored reports"),
    ("history-empty", "Chưa có kỳ nào: mỗi tệp có ngày báo cáo được lưu tự động.", "None yet: every file with a report date is stored automatically."),
    ("history-date", "Ngày báo cáo", "Report date"),
    ("history-use", "So sánh với kỳ này", "Compare with this"),
    ("history-delete", "Xóa", "Delete"),
    ("backup-export", "Xuất bản sao lưu", "Export a backup"),
    ("backup-import", "Nhập bản sao lưu", "Import a backup"),
    ("backup-restored", "Đã khôi phục từ bản sao lưu.", "Restored from the backup."),
    ("clear-data", "Xóa dữ liệu của tôi", "Clear my data"),
    ("clear-confirm", "Xóa mọi số liệu, nội dung công văn và các kỳ đã lưu trên máy này?", "Delete all figures, letter fields and stored reports on this computer?"),
    ("cleared", "Đã xóa. Ứng dụng trở lại dữ liệu mẫu.", "Cleared. The app is back to the sample."),
    ("embed-title", "Nhúng vào cổng thông tin", "Embed in a portal"),
    ("embed-hint", "Dán đoạn mã vào trang của cổng thông tin. Tệp số liệu phải ở cùng máy chủ hoặc cho phép CORS.", "Paste the snippet into the portal's page. The data file must be on the same server or allow CORS."),
    ("embed-view", "Phần hiển thị", "View"),
    ("embed-dashboard", "Bảng tổng hợp", "Dashboard"),
    ("embed-src", "Địa chỉ tệp số liệu (không bắt buộc)", "Data file URL (optional)"),
    ("embed-iframe", "Mã nhúng iframe", "iframe snippet"),
    ("embed-script", "Mã nhúng script", "Script snippet"),
    ("profile-save", "Lưu hồ sơ đơn vị (.json)", "Save office profile (.json)"),
    ("profile-open", "Mở hồ sơ đơn vị", "Open office profile"),
    ("cancel", "Hủy", "Cancel"),
    ("filter", "Lọc theo tên", "Filter by name"),
    ("group-by-district", "Nhóm theo huyện", "Group by district"),
    ("storage-off", "Trình duyệt không cho lưu dữ liệu (chế độ riêng tư hoặc bị chặn): ứng dụng vẫn chạy, nhưng tải lại trang sẽ mất phần đã nhập.", "This browser does not allow storing data (private mode or blocked): the app works, but a reload loses your work."),
    ("storage-full", "Bộ nhớ trình duyệt đã đầy: không lưu được phần việc mới nhất. Hãy xuất bản sao lưu.", "Browser storage is full: the latest work is not saved. Export a backup."),
    ("data-cleared-elsewhere", "Một thẻ khác đã xóa dữ liệu đã lưu: dữ liệu ở thẻ này không còn được lưu.", "Another tab cleared the saved data: the data in this tab is no longer kept."),
    ("history-not-kept", "Không lưu được các kỳ báo cáo vào trình duyệt: so sánh với kỳ trước cần mở lại tệp kỳ trước.", "The report periods could not be stored in this browser: to compare with the previous report, open its file again."),
    ("restoring", "Đang mở dữ liệu đã lưu…", "Opening the saved data…"),
    ("kept-saving", "Đang lưu dữ liệu trong trình duyệt…", "Keeping the data in this browser…"),
    ("kept-yes", "Đã lưu trong trình duyệt này: tải lại trang vẫn còn.", "Kept in this browser: a reload shows it again."),
    ("kept-no", "Chưa được lưu: sau khi tải lại trang cần mở lại tệp.", "Not kept: after a reload, open the file again."),
    ("other-tab-loaded", "Một thẻ khác vừa mở dữ liệu khác:", "Another tab opened other data:"),
    ("other-tab-use", "Xem dữ liệu đó ở đây", "Show that data here"),
    ("other-tab-keep", "Giữ dữ liệu của thẻ này", "Keep this tab's data"),
    ("issues-summary", "dòng bị loại vì lỗi; cảnh báo (dòng vẫn được tính)", "rows left out because of errors; warnings (rows kept)"),
    ("download-archive", "Hồ sơ lưu (.zip)", "Record to file (.zip)"),
    ("archive-hint", "Tệp .zip để lưu cùng công văn: tệp số liệu gốc, công văn, bảng, hồ sơ báo cáo và bản kê mã băm SHA-256. Mở lại tệp này ở đây để xem lại đúng công văn.", "A .zip to file with the letter: the original data files, the letter, the table, the report profile and a list of SHA-256 hashes. Open it here again to see the same letter."),
    ("archive-no-input", "Chưa có tệp số liệu gốc trong trang (dữ liệu được khôi phục từ trình duyệt hoặc bản sao lưu): hãy chọn lại tệp số liệu rồi tải hồ sơ lưu.", "The original data files are not in the page (the data was restored from the browser or a backup): choose the data file again, then download the record."),
    ("archive-restored", "Đã mở hồ sơ lưu: số liệu và công văn ngày", "Archive restored: the figures and letter of"),
    ("archive-no-date", "không rõ ngày", "an unknown date"),
    ("archive-made", "hồ sơ lập lúc", "record made at"),
];

/// A UI string that follows the language (from the app state in context).
/// Every call returns the same type, so the view code that renders it is
/// shared instead of compiled once per string (it keeps the WASM small).
pub fn tr(key: &'static str) -> leptos::prelude::Signal<&'static str> {
    use leptos::prelude::*;
    let lang = crate::state::use_state().lang;
    Signal::derive(move || t(lang.get(), key))
}

/// A UI string in the current language (the key itself if unknown, so a
/// missing string is visible rather than blank).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match STRINGS.iter().find(|(k, _, _)| *k == key) {
        Some((_, vi, en)) => match lang {
            Lang::Vi => vi,
            Lang::En => en,
        },
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the components use exists, in both languages.
    #[test]
    fn every_used_key_exists() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        let mut missing = Vec::new();
        while let Some(p) = stack.pop() {
            for e in std::fs::read_dir(&p).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let src = std::fs::read_to_string(&path).unwrap();
                for part in src
                    .split("t(lang.get(), \"")
                    .skip(1)
                    .chain(src.split(" label=\"").skip(1))
                    .chain(src.split("{tr(\"").skip(1))
                    .chain(src.split("=tr(\"").skip(1))
                {
                    let key = &part[..part.find('"').unwrap()];
                    if !STRINGS.iter().any(|(k, _, _)| *k == key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing UI strings: {missing:?}");
    }

    #[test]
    fn keys_are_unique_and_non_empty() {
        for (i, (k, vi, en)) in STRINGS.iter().enumerate() {
            assert!(!vi.is_empty() && !en.is_empty(), "{k}");
            assert!(
                STRINGS[i + 1..].iter().all(|(o, _, _)| o != k),
                "duplicate {k}"
            );
        }
    }
}
