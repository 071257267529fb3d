//! UI strings in Vietnamese (default) and English. The letter is always
//! Vietnamese and is not translated.

use thongbao_core::Lang;

/// A UI string in the current language.
pub fn t(lang: Lang, key: &str) -> &'static str {
    let (vi, en) = match key {
        "app-title" => ("Thông báo kết quả ứng dụng CNTT phòng, chống dịch", "COVID-19 technology report"),
        "app-subtitle" => (
            "Kéo thả bảng số liệu của các xã để có ngay thống kê và công văn.",
            "Drop the communes' data table to get the figures and the official letter at once.",
        ),
        "privacy" => (
            "Dữ liệu chỉ xử lý trên máy tính này; không gửi đi đâu.",
            "Your data is processed on this computer only; nothing is sent anywhere.",
        ),
        "choose-file" => ("Chọn tệp số liệu", "Choose data file"),
        "drop-here" => (
            "Kéo thả tệp .csv, .xlsx, .xls, .ods vào đây, hoặc",
            "Drop a .csv, .xlsx, .xls or .ods file here, or",
        ),
        "source" => ("Nguồn số liệu", "Data source"),
        "sample" => ("Mẫu", "Sample"),
        "units" => ("Số đơn vị", "Units"),
        "districts" => ("Số huyện", "Districts"),
        "locations" => ("Địa điểm tạo mã QR", "QR locations"),
        "scans" => ("Lượt quét QR", "QR scans"),
        "installs" => ("Máy cài PC-Covid", "PC-Covid installs"),
        "smartphones" => ("Điện thoại thông minh", "Smartphones"),
        "rate" => ("Tỷ lệ cài đặt", "Install rate"),
        "table-title" => ("Số liệu các đơn vị", "Figures per unit"),
        "stt" => ("STT", "No."),
        "district" => ("Huyện", "District"),
        "unit" => ("Đơn vị", "Unit"),
        "total" => ("Tổng cộng", "Total"),
        "notice-title" => ("Công văn", "Official letter"),
        "issues-title" => ("Dòng có vấn đề", "Rows with problems"),
        "loading" => ("Đang đọc tệp…", "Reading the file…"),
        "high-units" => ("Đơn vị quét cao", "High scanners"),
        "low-units" => ("Đơn vị quét thấp", "Low scanners"),
        "lang-switch" => ("English", "Tiếng Việt"),
        "print" => ("In công văn", "Print letter"),
        "since" => ("so với", "since"),
        "no-change" => ("không đổi", "no change"),
        _ => ("", ""),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
