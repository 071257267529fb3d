//! UI strings in Vietnamese (default) and English. The letter itself is
//! always Vietnamese and is not translated.
//!
//! Every string is a variant of [`K`]: a key the compiler checks, with its
//! two texts side by side, so no string can be missing in either language.

use thongbao_core::Lang;

/// Declares [`K`], one variant per UI string: `Variant = "id": vi, en;`.
/// The id is the string's stable name (tests and the docs refer to it).
macro_rules! strings {
    ($($variant:ident = $id:literal : $vi:literal, $en:literal;)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum K {
            $($variant,)*
        }

        impl K {
            /// Every string, in the order of the table.
            pub const ALL: &'static [K] = &[$(K::$variant,)*];

            /// The string's stable id ("app-title").
            pub fn id(self) -> &'static str {
                const IDS: &[&str] = &[$($id,)*];
                IDS[self as usize]
            }

            /// The string in `lang`. A table indexed by the variant, not a
            /// `match`: data, not a jump over some 300 arms (≈ 2 KB brotli).
            pub fn text(self, lang: Lang) -> &'static str {
                const TEXTS: &[[&str; 2]] = &[$([$vi, $en],)*];
                TEXTS[self as usize][match lang {
                    Lang::Vi => 0,
                    Lang::En => 1,
                }]
            }
        }
    };
}

strings! {
    AppTitle = "app-title": "Thông báo kết quả ứng dụng CNTT phòng, chống dịch", "COVID-19 technology report";
    Privacy = "privacy": "Dữ liệu chỉ được xử lý trên máy tính này, không gửi đi đâu.", "Your data is processed on this computer only; nothing is sent anywhere.";
    ChooseFile = "choose-file": "Chọn tệp số liệu", "Choose data file";
    DropHere = "drop-here": "Kéo thả tệp .csv, .xlsx, .ods vào đây, dán bảng từ Excel (Ctrl+V), hoặc", "Drop a .csv, .xlsx or .ods file here, paste a table from Excel (Ctrl+V), or";
    Source = "source": "Nguồn số liệu", "Data source";
    Sample = "sample": "Mẫu", "Sample";
    UseSample = "use-sample": "Dùng lại dữ liệu mẫu", "Back to the sample";
    Units = "units": "Số đơn vị", "Units";
    Districts = "districts": "Số huyện", "Districts";
    Locations = "locations": "Địa điểm tạo mã QR", "QR locations";
    Scans = "scans": "Lượt quét QR", "QR scans";
    Installs = "installs": "Máy cài PC-Covid", "PC-Covid installs";
    Smartphones = "smartphones": "Điện thoại thông minh", "Smartphones";
    Rate = "rate": "Tỷ lệ cài đặt", "Install rate";
    TableTitle = "table-title": "Số liệu các đơn vị", "Figures per unit";
    Stt = "stt": "STT", "No.";
    District = "district": "Huyện", "District";
    Unit = "unit": "Đơn vị", "Unit";
    Total = "total": "Tổng cộng", "Total";
    Loading = "loading": "Đang đọc tệp…", "Reading the file…";
    HighUnits = "high-units": "Đơn vị có lượt quét cao", "Units with high scans";
    LowUnits = "low-units": "Đơn vị có lượt quét thấp", "Units with low scans";
    LowInstallers = "low-installers": "Đơn vị cài đặt PC-Covid thấp", "Units with low installs";
    ZeroUnits = "zero-units": "Báo cáo 0 lượt quét", "Reported zero scans";
    MissingUnits = "missing-units": "Không báo cáo kỳ này", "Did not report";
    NUnits = "n-units": "đơn vị", "units";
    DownloadIssues = "download-issues": "Tải danh sách dòng lỗi (CSV)", "Download the list of row issues (CSV)";
    None = "none": "Không có", "None";
    LangSwitch = "lang-switch": "English", "Tiếng Việt";
    Print = "print": "In công văn", "Print letter";
    DownloadDocx = "download-docx": "Tải công văn (.docx)", "Download letter (.docx)";
    DownloadCsv = "download-csv": "Tải bảng (.csv)", "Download table (.csv)";
    DownloadXlsx = "download-xlsx": "Tải bảng (.xlsx)", "Download table (.xlsx)";
    Since = "since": "so với", "since";
    LetterFields = "letter-fields": "Nội dung công văn", "Letter fields";
    FsHeader = "fs-header": "Phần đầu", "Header";
    FIssuer = "f-issuer": "Cơ quan ban hành (mỗi dòng một dòng)", "Issuing body (one line each)";
    FIssuerShort = "f-issuer-short": "Tên viết tắt (dùng trong «Kèm theo…»)", "Short name (used in “Kèm theo…”)";
    FIssuerFull = "f-issuer-full": "Tên cơ quan làm chủ ngữ", "Name as subject of a sentence";
    FNumber = "f-number": "Số", "Number";
    FSymbol = "f-symbol": "Ký hiệu", "Symbol";
    FPlace = "f-place": "Địa danh", "Place";
    FIssueDate = "f-issue-date": "Ngày ban hành", "Date of issue";
    FArea = "f-area": "Địa bàn (trong câu)", "Area (in sentences)";
    FAreaWord = "f-area-word": "Cấp địa bàn", "Area type word";
    FDataDate = "f-data-date": "Số liệu tính đến ngày (để trống: theo tệp)", "Figures as of (empty: from the file)";
    NeedsDataDate = "needs-data-date": "Công văn cần ngày của số liệu, nhưng tệp không có ngày: nhập ngày ở đây, nếu không công văn để trống «…/…/…» để điền tay.", "The letter needs the date of the figures, but the file has none: type it here, or the letter leaves “…/…/…” to fill in by hand.";
    FSubject = "f-subject": "Trích yếu", "Subject";
    FDocType = "f-doc-type": "Loại văn bản", "Document type";
    DocCongVan = "doc-cong-van": "Công văn (V/v … dưới số)", "Official letter (“V/v …” under the number)";
    DocBaoCao = "doc-bao-cao": "Báo cáo", "Report (“Báo cáo”)";
    DocThongBao = "doc-thong-bao": "Thông báo", "Notice (“Thông báo”)";
    FsBody = "fs-body": "Nội dung", "Body";
    FRecipients = "f-recipients": "Kính gửi (mỗi dòng một nơi)", "Recipients (one per line)";
    FReference = "f-reference": "Căn cứ", "Reference";
    FSection1 = "f-section1": "Mục 1. Kết quả thực hiện", "Section 1. Results";
    Section1Generated = "section1-generated": "Viết tự động từ số liệu.", "Written from the figures.";
    Section1Edited = "section1-edited": "Đã sửa tay: không tự cập nhật theo số liệu.", "Edited by hand: no longer follows the figures.";
    ResetSection1 = "reset-section1": "Viết lại từ số liệu", "Rewrite from the figures";
    FSection2 = "f-section2": "Mục 2. Tồn tại, hạn chế", "Section 2. Shortcomings";
    FSection3 = "f-section3": "Mục 3. Chỉ đạo thực hiện", "Section 3. Directions";
    FsSignature = "fs-signature": "Chữ ký và nơi nhận", "Signature and distribution";
    FAuthority = "f-authority": "Quyền hạn ký (KT., TM., …)", "Signing authority (KT., TM., …)";
    FTitle = "f-title": "Chức vụ", "Title";
    FSigner = "f-signer": "Họ và tên người ký", "Signer's name";
    FNoiNhan = "f-noi-nhan": "Nơi nhận (mỗi dòng một nơi)", "Distribution list (one per line)";
    FAppendixTitle = "f-appendix-title": "Tên phụ lục", "Appendix title";
    PlaceholdersHint = "placeholders-hint": "Có thể dùng {date}, {prev_dm}, {area}, {units} và số liệu của báo cáo theo mã ({X}, {X.diff} là tăng/giảm, {list:C} là các đơn vị của nhóm C) trong văn bản: chúng được thay bằng số liệu. Mã của báo cáo này:", "You can use {date}, {prev_dm}, {area}, {units} and the report's figures by id ({X}, {X.diff} for the change, {list:C} for the units of class C) in the text: they are replaced by the figures. This report's ids:";
    NotACount = "not-a-count": "Hãy nhập một số nguyên, ví dụ 4.336", "Enter a whole number, e.g. 4.336";
    ManualTitle = "manual-title": "Số liệu bổ sung và kỳ trước", "Extra figures and previous report";
    ManualHint = "manual-hint": "Dùng khi tệp không có cột này. Nếu tệp có, số tính từ tệp được dùng và số nhập tay chỉ để đối chiếu.", "Used when the file has no such column. When it has, the computed figure is used and the typed one is only checked.";
    TypedRate = "typed-rate": "Tỷ lệ đã ghi (để đối chiếu)", "Rate as written (to check)";
    PreviousReport = "previous-report": "Kỳ báo cáo trước", "Previous report";
    PrevDate = "prev-date": "Ngày kỳ trước", "Previous date";
    PrevFromData = "prev-from-data": "Kỳ trước lấy từ dữ liệu đã tải (tệp thứ hai hoặc cột ngày).", "The previous period comes from the loaded data (a second file or a date column).";
    SettingsTitle = "settings-title": "Ngưỡng phân loại", "Thresholds";
    HighThreshold = "high-threshold": "Quét cao: ≥ % trung bình", "High scans: ≥ % of mean";
    LowThreshold = "low-threshold": "Quét thấp: < % trung bình", "Low scans: < % of mean";
    LowInstallThreshold = "low-install-threshold": "Cài đặt thấp: < % tỷ lệ chung", "Low installs: < % of overall rate";
    Decimals = "decimals": "Số chữ số thập phân của tỷ lệ", "Decimals of rates";
    NoticeTools = "notice-tools": "Công cụ công văn", "Letter tools";
    NoticeTitle = "notice-title": "Công văn", "Official letter";
    EditMapping = "edit-mapping": "Sửa cách gán cột", "Correct the columns";
    MappingTitle = "mapping-title": "Gán cột", "Column mapping";
    MappingHint = "mapping-hint": "Chọn mỗi cột chứa gì. Lựa chọn được nhớ cho các tệp có cùng dòng tiêu đề.", "Choose what each column holds. The choice is remembered for files with the same header.";
    MappingIgnore = "mapping-ignore": "— bỏ qua —", "— ignore —";
    MappingNeeds = "mapping-needs": "Cần một cột tên đơn vị và ít nhất một cột số liệu.", "A unit column and at least one figure column are needed.";
    MappingApply = "mapping-apply": "Đọc lại với cách gán này", "Read again with this mapping";
    RereadAs = "reread-as": "Đọc lại", "Read again";
    Encoding = "encoding": "Bảng mã", "Encoding";
    Delimiter = "delimiter": "Dấu phân cách", "Delimiter";
    Sheet = "sheet": "Trang tính", "Sheet";
    Auto = "auto": "Tự nhận", "Automatic";
    Account = "account": "Các dòng", "Rows";
    Pasted = "pasted": "Dán từ bộ nhớ tạm", "Pasted";
    MultiHint = "multi-hint": "Chọn hai tệp (tuần này và tuần trước) để có so sánh với kỳ trước.", "Choose two files (this week and last week) to compare with the previous report.";
    Charts = "charts": "Biểu đồ", "Charts";
    DownloadSvg = "download-svg": "Tải SVG", "Download SVG";
    DownloadPng = "download-png": "Tải PNG", "Download PNG";
    ChartAlt = "chart-alt": "Số liệu của các biểu đồ có trong bảng bên dưới.", "The charts' figures are in the table below.";
    SavedTitle = "saved-title": "Dữ liệu đã lưu", "Saved work";
    SavedHint = "saved-hint": "Số liệu, nội dung công văn và các kỳ báo cáo được lưu trong trình duyệt trên máy này, không gửi đi đâu.", "Figures, letter fields and past periods are kept in this browser on this computer; nothing is sent anywhere.";
    HistoryTitle = "history-title": "Các kỳ báo cáo đã lưu", "Stored reports";
    HistoryEmpty = "history-empty": "Chưa có kỳ nào: mỗi tệp có ngày báo cáo được lưu tự động.", "None yet: every file with a report date is stored automatically.";
    HistoryDate = "history-date": "Ngày báo cáo", "Report date";
    HistoryUse = "history-use": "So sánh với kỳ này", "Compare with this";
    HistoryDelete = "history-delete": "Xóa", "Delete";
    BackupExport = "backup-export": "Xuất bản sao lưu", "Export a backup";
    BackupImport = "backup-import": "Nhập bản sao lưu", "Import a backup";
    BackupRestored = "backup-restored": "Đã khôi phục từ bản sao lưu.", "Restored from the backup.";
    ClearData = "clear-data": "Xóa dữ liệu của tôi", "Clear my data";
    ClearConfirm = "clear-confirm": "Xóa mọi số liệu, nội dung công văn và các kỳ đã lưu trên máy này?", "Delete all figures, letter fields and stored reports on this computer?";
    Cleared = "cleared": "Đã xóa. Ứng dụng trở lại dữ liệu mẫu.", "Cleared. The app is back to the sample.";
    EmbedTitle = "embed-title": "Nhúng vào cổng thông tin", "Embed in a portal";
    EmbedHint = "embed-hint": "Dán đoạn mã vào trang của cổng thông tin. Tệp số liệu phải ở cùng máy chủ hoặc cho phép CORS.", "Paste the snippet into the portal's page. The data file must be on the same server or allow CORS.";
    EmbedView = "embed-view": "Phần hiển thị", "View";
    EmbedDashboard = "embed-dashboard": "Bảng tổng hợp", "Dashboard";
    EmbedSrc = "embed-src": "Địa chỉ tệp số liệu (không bắt buộc)", "Data file URL (optional)";
    EmbedIframe = "embed-iframe": "Mã nhúng iframe", "iframe snippet";
    EmbedScript = "embed-script": "Mã nhúng script", "Script snippet";
    EmbedSource = "embed-source": "Nguồn ghi dưới phần nhúng (không bắt buộc; mặc định: tên tệp số liệu)", "Source shown under the embedded view (optional; default: the data's file names)";
    EmbedSandboxHint = "embed-sandbox-hint": "Mã iframe có sẵn thuộc tính sandbox mà cổng thông tin cần cho phép: chạy ứng dụng, tải tệp, in công văn, mở thẻ mới.", "The iframe snippet carries the sandbox a portal must allow: running the app, downloads, printing, opening a new tab.";
    BlockedDownload = "blocked-download": "Trang chủ chặn tải tệp trong khung nhúng này (iframe thiếu allow-downloads). Hãy mở phần này trong thẻ mới để tải về.", "The host page blocks downloads in this embedded frame (the iframe lacks allow-downloads). Open this view in a new tab to download.";
    BlockedMaybeDownload = "blocked-maybe-download": "Nếu tệp không được tải về: trang chủ có thể chặn tải tệp trong khung nhúng này (iframe sandbox). Hãy mở phần này trong thẻ mới.", "If the file did not download: the host page may block downloads in this embedded frame (iframe sandbox). Open this view in a new tab.";
    BlockedPrint = "blocked-print": "Trang chủ chặn lệnh in trong khung nhúng này (iframe thiếu allow-modals). Hãy mở phần này trong thẻ mới để in.", "The host page blocks printing in this embedded frame (the iframe lacks allow-modals). Open this view in a new tab to print.";
    BlockedOpenTab = "blocked-open-tab": "Mở trong thẻ mới", "Open in a new tab";
    BlockedClose = "blocked-close": "Đóng", "Close";
    DownloadCsvExcel = "download-csv-excel": "CSV cho Excel (dấu ;)", "CSV for Excel (;)";
    RowIssuesList = "row-issues-list": "Danh sách dòng lỗi", "List of row issues";
    ProfileSave = "profile-save": "Lưu hồ sơ đơn vị (.json)", "Save office profile (.json)";
    ProfileOpen = "profile-open": "Mở hồ sơ đơn vị", "Open office profile";
    Cancel = "cancel": "Hủy", "Cancel";
    Filter = "filter": "Lọc theo tên", "Filter by name";
    GroupByDistrict = "group-by-district": "Nhóm theo huyện", "Group by district";
    StorageOff = "storage-off": "Trình duyệt không cho lưu dữ liệu (chế độ riêng tư hoặc bị chặn): ứng dụng vẫn chạy, nhưng tải lại trang sẽ mất phần đã nhập.", "This browser does not allow storing data (private mode or blocked): the app works, but a reload loses your work.";
    StorageFull = "storage-full": "Bộ nhớ trình duyệt đã đầy: không lưu được phần việc mới nhất. Hãy xuất bản sao lưu.", "Browser storage is full: the latest work is not saved. Export a backup.";
    DataClearedElsewhere = "data-cleared-elsewhere": "Một thẻ khác đã xóa dữ liệu đã lưu: dữ liệu ở thẻ này không còn được lưu.", "Another tab cleared the saved data: the data in this tab is no longer kept.";
    HistoryNotKept = "history-not-kept": "Không lưu được các kỳ báo cáo vào trình duyệt: so sánh với kỳ trước cần mở lại tệp kỳ trước.", "The report periods could not be stored in this browser: to compare with the previous report, open its file again.";
    Restoring = "restoring": "Đang mở dữ liệu đã lưu…", "Opening the saved data…";
    KeptSaving = "kept-saving": "Đang lưu dữ liệu trong trình duyệt…", "Keeping the data in this browser…";
    KeptYes = "kept-yes": "Đã lưu trong trình duyệt này: tải lại trang vẫn còn.", "Kept in this browser: a reload shows it again.";
    KeptNo = "kept-no": "Chưa được lưu: sau khi tải lại trang cần mở lại tệp.", "Not kept: after a reload, open the file again.";
    OtherTabLoaded = "other-tab-loaded": "Một thẻ khác vừa mở dữ liệu khác:", "Another tab opened other data:";
    OtherTabUse = "other-tab-use": "Xem dữ liệu đó ở đây", "Show that data here";
    OtherTabKeep = "other-tab-keep": "Giữ dữ liệu của thẻ này", "Keep this tab's data";
    IssuesSummary = "issues-summary": "dòng bị loại vì lỗi; cảnh báo (dòng vẫn được tính)", "rows left out because of errors; warnings (rows kept)";
    DownloadArchive = "download-archive": "Hồ sơ lưu (.zip)", "Record to file (.zip)";
    ArchiveHint = "archive-hint": "Tệp .zip để lưu cùng công văn: tệp số liệu gốc, công văn, bảng, hồ sơ báo cáo và bản kê mã băm SHA-256. Mở lại tệp này ở đây để xem lại đúng công văn.", "A .zip to file with the letter: the original data files, the letter, the table, the report profile and a list of SHA-256 hashes. Open it here again to see the same letter.";
    ArchiveNoInput = "archive-no-input": "Chưa có tệp số liệu gốc trong trang (dữ liệu được khôi phục từ trình duyệt hoặc bản sao lưu): hãy chọn lại tệp số liệu rồi tải hồ sơ lưu.", "The original data files are not in the page (the data was restored from the browser or a backup): choose the data file again, then download the record.";
    ArchiveRestored = "archive-restored": "Đã mở hồ sơ lưu: số liệu và công văn ngày", "Archive restored: the figures and letter of";
    ArchiveNoDate = "archive-no-date": "không rõ ngày", "an unknown date";
    ArchiveMade = "archive-made": "hồ sơ lập lúc", "record made at";
    ReportLabel = "report-label": "Loại báo cáo", "Report";
    ReportSwitched = "report-switched": "Tệp này khớp với báo cáo khác: đã chuyển sang", "This file fits another report: switched to";
    SwitchBack = "switch-back": "Quay lại báo cáo trước", "Back to the previous report";
    ReportTable = "report-table": "Bảng số liệu các đơn vị", "Figures per unit";
    CellProblems = "cell-problems": "Ô không đọc được thành số (coi như chưa báo cáo)", "Cells that are not numbers (taken as not reported)";
    Line = "line": "dòng", "line";
    MissingColumns = "missing-columns": "Tệp không có cột cho các chỉ tiêu", "The file has no column for the indicators";
    Designer = "designer": "Thiết kế báo cáo", "Report designer";
    DesignerHelp = "designer-help": "Sửa báo cáo đang dùng: chỉ tiêu (cột của tệp), phép tính, nhóm phân loại và câu văn. Công văn bên dưới cập nhật ngay. Lưu để dùng lại tuần sau.", "Edit the active report: indicators (the file's columns), measures, classes and sentences. The letter below follows at once. Keep it to use next week.";
    FromColumns = "from-columns": "Tạo báo cáo mới từ các cột của tệp", "New report from the file's columns";
    Indicators = "indicators": "Chỉ tiêu (cột của tệp)", "Indicators (the file's columns)";
    Measures = "measures": "Phép tính", "Measures";
    Classes = "classes": "Nhóm phân loại", "Classes";
    Sentences = "sentences": "Câu văn mục 1 (mỗi dòng một đoạn)", "Section 1 sentences (one paragraph per line)";
    Id = "id": "Mã", "Id";
    Name = "name": "Tên", "Name";
    HeaderWords = "header-words": "Từ nhận dạng tiêu đề cột (cách nhau bởi dấu ;)", "Header words (separated by ;)";
    Numerator = "numerator": "Tử số", "Numerator";
    Denominator = "denominator": "Mẫu số", "Denominator";
    Of = "of": "Theo", "Of";
    RuleKind = "rule-kind": "Điều kiện", "Rule";
    Value = "value": "Giá trị", "Value";
    AddIndicator = "add-indicator": "Thêm chỉ tiêu", "Add indicator";
    AddMeasure = "add-measure": "Thêm phép tính", "Add measure";
    FormulaKind = "formula-kind": "Cách tính", "Formula";
    FormulaRatio = "formula-ratio": "tỷ lệ (%)", "ratio (%)";
    FormulaSum = "formula-sum": "tổng các tiêu chí", "sum of criteria";
    FormulaRank = "formula-rank": "xếp hạng", "rank";
    FormulaQuotient = "formula-quotient": "thương (bình quân, không phải %)", "quotient (a mean, not a %)";
    FormulaShare = "formula-share": "tỷ trọng trong tổng (%)", "share of the total (%)";
    SumOf = "sum-of": "Cộng các mã (cách nhau bởi dấu ;)", "Sum of the ids (separated by ;)";
    WithinGroup = "within-group": "xếp hạng trong từng nhóm", "rank within each group";
    UnitWord = "unit-word": "Đơn vị tính (tài khoản, hồ sơ, điểm…)", "Unit word (accounts, files, points…)";
    FigureDecimals = "figure-decimals": "Số chữ số thập phân", "Decimals";
    GroupHeaders = "group-headers": "Từ nhận dạng cột nhóm (huyện, loại đơn vị; cách nhau bởi dấu ;)", "Header words of the group column (district, unit type; separated by ;)";
    UnitWordOfReport = "unit-word-report": "Gọi mỗi đơn vị là (địa phương, đơn vị, xã…)", "What the letter calls a unit (commune, unit…)";
    AddClass = "add-class": "Thêm nhóm", "Add class";
    Remove = "remove": "Xóa", "Remove";
    ReportName = "report-name": "Tên báo cáo", "Report name";
    KeepReport = "keep-report": "Lưu vào danh sách báo cáo", "Keep in the report list";
    RuleAtLeast = "rule-at-least": "từ … trở lên", "at least";
    RuleBelow = "rule-below": "dưới …", "below";
    RuleBetween = "rule-between": "từ … (khoảng)", "from … (a band)";
    RuleAboveMean = "rule-above-mean": "từ …% trung bình trở lên", "at least …% of the mean";
    RuleBelowMean = "rule-below-mean": "dưới …% trung bình", "below …% of the mean";
    RuleBelowTotal = "rule-below-total": "dưới …% mức chung", "below …% of the overall figure";
    RuleZero = "rule-zero": "bằng 0", "zero";
    RuleMissing = "rule-missing": "chưa báo cáo", "not reported";
    Problems = "problems": "Báo cáo chưa dùng được", "The report cannot be used yet";
    Kept = "report-kept": "Đã lưu báo cáo", "Report kept";
    NewReport = "new-report": "Báo cáo mới", "New report";
}

/// A UI string that follows the language (from the app state in context).
/// Every call returns the same type, so the view code that renders it is
/// shared instead of compiled once per string (it keeps the WASM small).
pub fn tr(key: K) -> leptos::prelude::Signal<&'static str> {
    use leptos::prelude::*;
    let lang = crate::state::use_state().lang;
    Signal::derive(move || key.text(lang.get()))
}

/// A UI string in `lang`.
pub fn t(lang: Lang, key: K) -> &'static str {
    key.text(lang)
}

/// A UI string by its id, for HTML core writes (its ids are checked by
/// this module's tests); an unknown id reads "?".
pub fn by_id(lang: Lang, id: &str) -> &'static str {
    K::ALL
        .iter()
        .find(|k| k.id() == id)
        .map_or("?", |k| k.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_texts_non_empty_in_both_languages() {
        let mut ids = std::collections::HashSet::new();
        for k in K::ALL {
            assert!(ids.insert(k.id()), "duplicate id {}", k.id());
            for lang in [Lang::Vi, Lang::En] {
                assert!(!k.text(lang).trim().is_empty(), "{} in {lang:?}", k.id());
            }
        }
    }

    #[test]
    fn core_html_names_only_strings_that_exist() {
        let dashboard = thongbao_core::report_dashboard::LABELS;
        for id in thongbao_core::designer::LABELS.iter().chain(&dashboard) {
            assert!(K::ALL.iter().any(|k| k.id() == *id), "{id}");
        }
    }

    #[test]
    fn english_is_not_left_vietnamese() {
        // Words of the UI that are the same in both (abbreviations, names).
        let same = ["stt"];
        let vietnamese = |s: &str| {
            s.chars().any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c))
                || s.chars().any(|c| ('\u{0300}'..='\u{0323}').contains(&c))
        };
        for k in K::ALL {
            if same.contains(&k.id()) {
                continue;
            }
            let en = k.text(Lang::En);
            // Vietnamese words quoted in English help ("Kèm theo…") are allowed
            // inside quotes only.
            let outside: String = en.split(['“', '”']).step_by(2).collect();
            assert!(!vietnamese(&outside), "{}: {en}", k.id());
        }
    }
}
