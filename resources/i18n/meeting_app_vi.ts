<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Edit action item</source>
        <translation>Sửa nhiệm vụ</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Nhiệm vụ mới</translation>
    </message>
    <message>
        <source>e.g. Hoàn thiện dự thảo kế hoạch, trình Bộ trưởng</source>
        <translation>ví dụ: Hoàn thiện dự thảo kế hoạch, trình Bộ trưởng</translation>
    </message>
    <message>
        <source>A participant, or a unit&apos;s name</source>
        <translation>Đại biểu hoặc tên đơn vị</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Hạn hoàn thành</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Nội dung</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>Người &amp;thực hiện</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Hạn</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>T&amp;rạng thái</translation>
    </message>
</context>
<context>
    <name>ActionItemsTable</name>
    <message>
        <source>Action items</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>A new action item for this agenda item</source>
        <translation>Nhiệm vụ mới cho nội dung này</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Remove the action item</source>
        <translation>Xóa nhiệm vụ</translation>
    </message>
    <message>
        <source>Remove “{title}” from the minutes?</source>
        <translation>Xóa “{title}” khỏi biên bản?</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>End the meeting</source>
        <translation>Kết thúc cuộc họp</translation>
    </message>
    <message>
        <source>End the meeting for every site? It can no longer change afterwards.</source>
        <translation>Kết thúc cuộc họp cho mọi điểm cầu? Sau đó cuộc họp không thể thay đổi.</translation>
    </message>
    <message>
        <source>End meeting</source>
        <translation>Kết thúc cuộc họp</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation>Khai mạc cuộc họp</translation>
    </message>
    <message>
        <source>Open the meeting for every site</source>
        <translation>Khai mạc cuộc họp cho mọi điểm cầu</translation>
    </message>
    <message>
        <source>Close the meeting; it can no longer change</source>
        <translation>Kết thúc cuộc họp; sau đó không thể thay đổi</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>Go back to the previous item</source>
        <translation>Quay lại nội dung trước</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Move on to the next item</source>
        <translation>Chuyển sang nội dung tiếp theo</translation>
    </message>
    <message>
        <source>Discuss this</source>
        <translation>Thảo luận</translation>
    </message>
    <message>
        <source>Make the selected item the current one</source>
        <translation>Chuyển sang nội dung đã chọn</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Add an agenda item</source>
        <translation>Thêm nội dung vào chương trình nghị sự</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Rename the item, set its presenter or duration</source>
        <translation>Đổi tên nội dung, chọn người trình bày hoặc thời lượng</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Xóa nội dung đã chọn</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>Cuộc &amp;họp</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Chuyển đến</translation>
    </message>
    <message>
        <source>Request to speak</source>
        <translation>Xin phát biểu</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>Đặt câu hỏi</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Follow presenter</source>
        <translation>Theo người trình bày</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Bảng điều khiển</translation>
    </message>
    <message>
        <source>The chair&apos;s console: agenda timing, the floor and attendance on one screen</source>
        <translation>Bảng điều khiển của chủ trì: thời gian chương trình, phát biểu và điểm danh trên một màn hình</translation>
    </message>
    <message>
        <source>Room display</source>
        <translation>Màn hình phòng họp</translation>
    </message>
    <message>
        <source>A large-type window for the room&apos;s projector or screen (F11: full screen)</source>
        <translation>Cửa sổ chữ lớn cho máy chiếu hoặc màn hình phòng họp (F11: toàn màn hình)</translation>
    </message>
    <message>
        <source>Leave the room</source>
        <translation>Rời phòng họp</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>Open</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Của tôi</translation>
    </message>
    <message>
        <source>All I may see</source>
        <translation>Tất cả những gì tôi được xem</translation>
    </message>
    <message>
        <source>Search action items</source>
        <translation>Tìm nhiệm vụ</translation>
    </message>
    <message>
        <source>Search action items…</source>
        <translation>Tìm nhiệm vụ…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
        <source>I have done the selected action item</source>
        <translation>Tôi đã hoàn thành nhiệm vụ đã chọn</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <source>My action items</source>
        <translation>Nhiệm vụ của tôi</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>No action item matches.</source>
        <translation>Không có nhiệm vụ nào phù hợp.</translation>
    </message>
</context>
<context>
    <name>AgendaDelegate</name>
    <message>
        <source>{n} min</source>
        <translation>{n} phút</translation>
    </message>
    <message>
        <source>NOW</source>
        <translation>HIỆN TẠI</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>Edit agenda item</source>
        <translation>Sửa nội dung chương trình</translation>
    </message>
    <message>
        <source>New agenda item</source>
        <translation>Nội dung chương trình mới</translation>
    </message>
    <message>
        <source>e.g. Báo cáo tổng kết năm</source>
        <translation>ví dụ: Báo cáo tổng kết năm</translation>
    </message>
    <message>
        <source>Who presents it (optional)</source>
        <translation>Người trình bày (không bắt buộc)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>không dự kiến</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <source>&amp;Presenter</source>
        <translation>&amp;Người trình bày</translation>
    </message>
    <message>
        <source>Planned &amp;duration</source>
        <translation>Thời lượng &amp;dự kiến</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Drag items, or press Alt+Up or Alt+Down, to change their order.</source>
        <translation>Kéo thả hoặc nhấn Alt+↑ / Alt+↓ để đổi thứ tự các nội dung.</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Xóa nội dung chương trình</translation>
    </message>
    <message>
        <source>Remove “{title}” from the agenda?</source>
        <translation>Xóa “{title}” khỏi chương trình nghị sự?</translation>
    </message>
</context>
<context>
    <name>AgendaTimingPanel</name>
    <message>
        <source>Agenda and time</source>
        <translation>Chương trình và thời gian</translation>
    </message>
    <message>
        <source>{time} over the plan</source>
        <translation>vượt {time} so với dự kiến</translation>
    </message>
    <message>
        <source>{time} left in the plan</source>
        <translation>còn {time} theo dự kiến</translation>
    </message>
    <message>
        <source>Meeting: {elapsed} of {planned} planned — {verdict}</source>
        <translation>Cuộc họp: {elapsed} trên {planned} dự kiến — {verdict}</translation>
    </message>
    <message>
        <source>Planned: {planned} for {n} items</source>
        <translation>Dự kiến: {planned} cho {n} nội dung</translation>
    </message>
</context>
<context>
    <name>AnnotationLayer</name>
    <message>
        <source>{n} changes not sent yet: they are kept on this device and sent when the connection is back</source>
        <translation>{n} thay đổi chưa gửi: được giữ trên thiết bị này và gửi khi có kết nối</translation>
    </message>
    <message>
        <source>Add annotation</source>
        <translation>Thêm chú thích</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Xóa chú thích</translation>
    </message>
    <message>
        <source>Share annotation</source>
        <translation>Chia sẻ chú thích</translation>
    </message>
    <message>
        <source>Make annotation private</source>
        <translation>Đặt chú thích ở chế độ riêng tư</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Sửa nội dung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Độ dày</translation>
    </message>
    <message>
        <source>Another participant</source>
        <translation>Đại biểu khác</translation>
    </message>
    <message>
        <source>Shared with the meeting</source>
        <translation>Đã chia sẻ với cuộc họp</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Sticky note</source>
        <translation>Ghi chú dán</translation>
    </message>
    <message>
        <source>Move annotation</source>
        <translation>Di chuyển chú thích</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Tẩy</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>Hộp văn bản</translation>
    </message>
</context>
<context>
    <name>AnnotationStore</name>
    <message>
        <source>An annotation could not be saved: {message}</source>
        <translation>Không lưu được chú thích: {message}</translation>
    </message>
</context>
<context>
    <name>AnnotationToolBar</name>
    <message>
        <source>Select, move and edit annotations</source>
        <translation>Chọn, di chuyển và sửa chú thích</translation>
    </message>
    <message>
        <source>Highlight text</source>
        <translation>Đánh dấu văn bản</translation>
    </message>
    <message>
        <source>Underline text</source>
        <translation>Gạch chân văn bản</translation>
    </message>
    <message>
        <source>Strike through text</source>
        <translation>Gạch ngang văn bản</translation>
    </message>
    <message>
        <source>Pen (freehand)</source>
        <translation>Bút (vẽ tự do)</translation>
    </message>
    <message>
        <source>Eraser: removes pen strokes</source>
        <translation>Tẩy: xóa nét bút</translation>
    </message>
    <message>
        <source>Sticky note</source>
        <translation>Ghi chú dán</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>Hộp văn bản</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Hình chữ nhật</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Vàng</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Xanh lá</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Xanh dương</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Đỏ</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Tím</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Đen</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>Độ dày nét</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Hoàn tác (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Làm lại (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Delete the selected annotation (Del)</source>
        <translation>Xóa chú thích đã chọn (Del)</translation>
    </message>
    <message>
        <source>Share with the meeting</source>
        <translation>Chia sẻ với cuộc họp</translation>
    </message>
    <message>
        <source>Show others&apos; shared annotations</source>
        <translation>Hiện chú thích được người khác chia sẻ</translation>
    </message>
    <message>
        <source>Not carried over</source>
        <translation>Không chuyển sang được</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>The document with my annotations (PDF)…</source>
        <translation>Tài liệu kèm chú thích của tôi (PDF)…</translation>
    </message>
    <message>
        <source>My notes (Markdown)…</source>
        <translation>Ghi chú của tôi (Markdown)…</translation>
    </message>
    <message>
        <source>My notes (PDF)…</source>
        <translation>Ghi chú của tôi (PDF)…</translation>
    </message>
    <message>
        <source>Comment summary (CSV)…</source>
        <translation>Tổng hợp ý kiến (CSV)…</translation>
    </message>
    <message>
        <source>Comment summary (PDF)…</source>
        <translation>Tổng hợp ý kiến (PDF)…</translation>
    </message>
    <message>
        <source>Line width: {width} pt</source>
        <translation>Độ dày nét: {width} pt</translation>
    </message>
    <message>
        <source>Not carried over ({n}): annotations left on the previous version</source>
        <translation>Không chuyển sang được ({n}): chú thích còn ở phiên bản trước</translation>
    </message>
</context>
<context>
    <name>AttendanceExporter</name>
    <message>
        <source>Export attendance</source>
        <translation>Xuất danh sách điểm danh</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the attendance…</source>
        <translation>Đang xuất danh sách điểm danh…</translation>
    </message>
    <message>
        <source>Could not write the file: {error}</source>
        <translation>Không ghi được tệp: {error}</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>Xuất không thành công: {error}</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>You have not checked in yet: check in to be recorded as present at this meeting.</source>
        <translation>Bạn chưa điểm danh: hãy điểm danh để được ghi nhận có mặt tại cuộc họp.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>My proxy…</source>
        <translation>Ủy quyền của tôi…</translation>
    </message>
    <message>
        <source>Name who represents you if you cannot attend</source>
        <translation>Chọn người đại diện cho bạn nếu bạn không thể dự họp</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Mark the selected participants present</source>
        <translation>Ghi có mặt cho các đại biểu đã chọn</translation>
    </message>
    <message>
        <source>Absent…</source>
        <translation>Vắng mặt…</translation>
    </message>
    <message>
        <source>Mark absent, with a reason if one is given</source>
        <translation>Ghi vắng mặt, kèm lý do nếu có</translation>
    </message>
    <message>
        <source>Excused…</source>
        <translation>Vắng có lý do…</translation>
    </message>
    <message>
        <source>Absent with leave, with the reason</source>
        <translation>Vắng mặt có lý do, kèm lý do</translation>
    </message>
    <message>
        <source>Proxy…</source>
        <translation>Ủy quyền…</translation>
    </message>
    <message>
        <source>Record who represents the selected member, from their written authorisation</source>
        <translation>Ghi nhận người đại diện cho thành viên đã chọn, theo giấy ủy quyền của thành viên đó</translation>
    </message>
    <message>
        <source>All online present</source>
        <translation>Ghi có mặt cho tất cả người trực tuyến</translation>
    </message>
    <message>
        <source>Mark everyone online (that you manage) present</source>
        <translation>Ghi có mặt cho mọi người đang trực tuyến (do bạn quản lý)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Xuất CSV</translation>
    </message>
    <message>
        <source>Save the attendance list for the minutes</source>
        <translation>Lưu danh sách điểm danh cho biên bản</translation>
    </message>
    <message>
        <source>Attendance list saved to {path}</source>
        <translation>Đã lưu danh sách điểm danh vào {path}</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Không có điểm cầu</translation>
    </message>
    <message>
        <source>You are represented by {name}.</source>
        <translation>Bạn được {name} đại diện.</translation>
    </message>
    <message>
        <source>Nobody represents you at this meeting.</source>
        <translation>Không ai đại diện cho bạn tại cuộc họp này.</translation>
    </message>
    <message>
        <source>You record attendance for your site only: {site}</source>
        <translation>Bạn chỉ điểm danh cho điểm cầu của mình: {site}</translation>
    </message>
</context>
<context>
    <name>AttendanceSummary</name>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>more than half of the members</source>
        <translation>quá nửa số thành viên</translation>
    </message>
    <message>
        <source>at least half of the members</source>
        <translation>ít nhất một nửa số thành viên</translation>
    </message>
    <message>
        <source>two thirds of the members</source>
        <translation>hai phần ba số thành viên</translation>
    </message>
    <message>
        <source>no quorum required</source>
        <translation>không yêu cầu túc số</translation>
    </message>
    <message>
        <source>Quorum reached</source>
        <translation>Đã đủ túc số</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>Không đủ túc số</translation>
    </message>
    <message>
        <source>{counted} of {members} members present ({represented} by proxy); {required} needed: {rule}.</source>
        <translation>{counted}/{members} thành viên có mặt ({represented} ủy quyền); cần {required}: {rule}.</translation>
    </message>
    <message>
        <source>{counted}/{members} present · {online}/{total} online</source>
        <translation>{counted}/{members} có mặt · {online}/{total} trực tuyến</translation>
    </message>
    <message>
        <source>The speaker holding the floor is at this site</source>
        <translation>Người đang phát biểu ở điểm cầu này</translation>
    </message>
    <message>
        <source>link good</source>
        <translation>đường truyền tốt</translation>
    </message>
    <message>
        <source>link poor</source>
        <translation>đường truyền kém</translation>
    </message>
    <message>
        <source>link lost</source>
        <translation>mất đường truyền</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>ngoại tuyến</translation>
    </message>
</context>
<context>
    <name>AttendanceTree</name>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Represented by</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <source>{name} — {counted}/{members} members present</source>
        <translation>{name} — {counted}/{members} thành viên có mặt</translation>
    </message>
    <message>
        <source> (represented)</source>
        <translation> (được ủy quyền)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Chưa kết nối</translation>
    </message>
    <message>
        <source>Recorded by that site&apos;s secretary</source>
        <translation>Do thư ký điểm cầu đó ghi nhận</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Signed in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Đăng nhập không thành công</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Changed their password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>Created a user</source>
        <translation>Tạo người dùng</translation>
    </message>
    <message>
        <source>Changed a user</source>
        <translation>Sửa thông tin người dùng</translation>
    </message>
    <message>
        <source>Reactivated a user</source>
        <translation>Kích hoạt lại người dùng</translation>
    </message>
    <message>
        <source>Deactivated a user</source>
        <translation>Vô hiệu hóa người dùng</translation>
    </message>
    <message>
        <source>Reset a user&apos;s password</source>
        <translation>Đặt lại mật khẩu người dùng</translation>
    </message>
    <message>
        <source>Created a meeting</source>
        <translation>Tạo phiên họp</translation>
    </message>
    <message>
        <source>Opened the meeting</source>
        <translation>Khai mạc cuộc họp</translation>
    </message>
    <message>
        <source>Closed the meeting</source>
        <translation>Kết thúc cuộc họp</translation>
    </message>
    <message>
        <source>Set a participant&apos;s role</source>
        <translation>Phân vai trò đại biểu</translation>
    </message>
    <message>
        <source>Removed a participant</source>
        <translation>Xóa đại biểu khỏi phiên họp</translation>
    </message>
    <message>
        <source>Named a proxy</source>
        <translation>Chỉ định người được ủy quyền</translation>
    </message>
    <message>
        <source>Uploaded a document</source>
        <translation>Tải lên tài liệu</translation>
    </message>
    <message>
        <source>Changed a document</source>
        <translation>Sửa tài liệu</translation>
    </message>
    <message>
        <source>Removed a document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Opened a document</source>
        <translation>Mở tài liệu</translation>
    </message>
    <message>
        <source>Opened a vote</source>
        <translation>Mở biểu quyết</translation>
    </message>
    <message>
        <source>Closed a vote</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>Bỏ phiếu</translation>
    </message>
    <message>
        <source>Changed their vote</source>
        <translation>Thay đổi phiếu biểu quyết</translation>
    </message>
    <message>
        <source>Recorded a conclusion</source>
        <translation>Ghi kết luận</translation>
    </message>
    <message>
        <source>Saved an action item</source>
        <translation>Lưu nhiệm vụ</translation>
    </message>
    <message>
        <source>Changed an action item&apos;s status</source>
        <translation>Đổi trạng thái nhiệm vụ</translation>
    </message>
    <message>
        <source>Deleted an action item</source>
        <translation>Xóa nhiệm vụ</translation>
    </message>
    <message>
        <source>Approved the minutes</source>
        <translation>Phê duyệt biên bản</translation>
    </message>
    <message>
        <source>Published the minutes</source>
        <translation>Công bố biên bản</translation>
    </message>
</context>
<context>
    <name>AuditWindow</name>
    <message>
        <source>Seq</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Hành động</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Mã băm</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký hệ thống</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Tất cả cuộc họp</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Tất cả hành động</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Tất cả người dùng</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Checking the chain…</source>
        <translation>Đang kiểm tra chuỗi nhật ký…</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Mới nhất</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Mới hơn</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Cũ hơn</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <source>hash {hash}
previous {prev}</source>
        <translation>mã băm {hash}
mục trước {prev}</translation>
    </message>
    <message>
        <source>Entries {first}–{last}</source>
        <translation>Mục {first}–{last}</translation>
    </message>
    <message>
        <source>No entries match these filters</source>
        <translation>Không có mục nào phù hợp với bộ lọc</translation>
    </message>
    <message>
        <source>✔ Chain verified up to entry {seq} (head {head}…)</source>
        <translation>✔ Chuỗi nhật ký hợp lệ đến mục {seq} (đầu chuỗi {head}…)</translation>
    </message>
    <message>
        <source>✘ Chain broken at entry {seq}: {reason}</source>
        <translation>✘ Chuỗi nhật ký bị đứt tại mục {seq}: {reason}</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Xuất nhật ký hệ thống</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
</context>
<context>
    <name>BallotDialog</name>
    <message>
        <source>Ballot</source>
        <translation>Phiếu biểu quyết</translation>
    </message>
    <message>
        <source>Voting on this question has closed: the ballot can no longer be sent.</source>
        <translation>Biểu quyết về vấn đề này đã kết thúc: không thể gửi phiếu nữa.</translation>
    </message>
    <message>
        <source>{name} (you hold the proxy)</source>
        <translation>{name} (bạn được ủy quyền)</translation>
    </message>
    <message>
        <source>voted ✓</source>
        <translation>đã biểu quyết ✓</translation>
    </message>
    <message>
        <source>&amp;Ballot for:</source>
        <translation>&amp;Phiếu biểu quyết cho:</translation>
    </message>
    <message>
        <source>Your opinion (for the option you chose)</source>
        <translation>Ý kiến của bạn (cho phương án đã chọn)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>A ballot cannot be taken back once it is sent.</source>
        <translation>Phiếu biểu quyết đã gửi thì không thể rút lại.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Confirm and send</source>
        <translation>Xác nhận và gửi</translation>
    </message>
    <message>
        <source>Keep this receipt: after the close, the result lists every receipt, so you can check your ballot was counted.</source>
        <translation>Hãy giữ mã xác nhận này: sau khi kết thúc, kết quả liệt kê mọi mã xác nhận để bạn kiểm tra phiếu của mình đã được tính.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Gửi lại</translation>
    </message>
    <message>
        <source>Sends the same ballot again; it can only count once.</source>
        <translation>Gửi lại đúng phiếu này; phiếu chỉ được tính một lần.</translation>
    </message>
    <message>
        <source>Vote for another member</source>
        <translation>Biểu quyết thay thành viên khác</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Voting has closed.</source>
        <translation>Biểu quyết đã kết thúc.</translation>
    </message>
    <message>
        <source>A ballot was already cast for this member.</source>
        <translation>Đã có phiếu biểu quyết cho đại biểu này.</translation>
    </message>
    <message>
        <source>Choose at least {n}.</source>
        <translation>Chọn ít nhất {n}.</translation>
    </message>
    <message>
        <source>Choose an option.</source>
        <translation>Hãy chọn một phương án.</translation>
    </message>
    <message>
        <source>Choose at most {n}.</source>
        <translation>Chọn nhiều nhất {n}.</translation>
    </message>
    <message>
        <source>You vote: {choice}</source>
        <translation>Bạn biểu quyết: {choice}</translation>
    </message>
    <message>
        <source>Your opinion: {comment}</source>
        <translation>Ý kiến của bạn: {comment}</translation>
    </message>
    <message>
        <source>On behalf of {name} (proxy)</source>
        <translation>Thay mặt {name} (ủy quyền)</translation>
    </message>
    <message>
        <source>Confirm?</source>
        <translation>Xác nhận?</translation>
    </message>
    <message>
        <source>Sending your ballot…</source>
        <translation>Đang gửi phiếu của bạn…</translation>
    </message>
    <message>
        <source>Your ballot was received and counted ✓</source>
        <translation>Phiếu của bạn đã được nhận và tính ✓</translation>
    </message>
    <message>
        <source>Receipt: {code}</source>
        <translation>Mã xác nhận: {code}</translation>
    </message>
    <message>
        <source>Not confirmed yet: {message} The ballot is kept and sent again when the connection is back.</source>
        <translation>Chưa được xác nhận: {message} Phiếu được giữ lại và gửi lại khi có kết nối.</translation>
    </message>
    <message>
        <source>The ballot was refused: {message}</source>
        <translation>Phiếu biểu quyết bị từ chối: {message}</translation>
    </message>
    <message>
        <source>This poll was withdrawn.</source>
        <translation>Cuộc biểu quyết này đã bị rút.</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
</context>
<context>
    <name>CentralArea</name>
    <message>
        <source>Current item</source>
        <translation>Đang thảo luận</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Read the meeting&apos;s documents.</source>
        <translation>Đọc tài liệu của cuộc họp.</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Phát biểu</translation>
    </message>
    <message>
        <source>Ask for the floor; the chair grants it and times each speaker.</source>
        <translation>Xin phát biểu; chủ trì cho phép và tính giờ từng người phát biểu.</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Vote on resolutions, openly or by secret ballot.</source>
        <translation>Biểu quyết các nghị quyết, công khai hoặc bỏ phiếu kín.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>The secretary records conclusions; the chair publishes the minutes.</source>
        <translation>Thư ký ghi kết luận; chủ trì công bố biên bản.</translation>
    </message>
</context>
<context>
    <name>ChairConsole</name>
    <message>
        <source>Console — {title}</source>
        <translation>Bảng điều khiển — {title}</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Bảng điều khiển</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator. Choose your own password to continue.</source>
        <translation>Quản trị viên đã đặt lại mật khẩu của bạn. Hãy chọn mật khẩu riêng để tiếp tục.</translation>
    </message>
    <message>
        <source>Your other signed-in devices will be signed out.</source>
        <translation>Các thiết bị khác đang đăng nhập của bạn sẽ bị đăng xuất.</translation>
    </message>
    <message>
        <source>C&amp;urrent password</source>
        <translation>Mật khẩu &amp;hiện tại</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Mật khẩu &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>Nhập &amp;lại mật khẩu mới</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Hãy nhập mật khẩu hiện tại.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Lỗi không mong muốn: {error}</translation>
    </message>
</context>
<context>
    <name>CheckInBanner</name>
    <message>
        <source>The meeting is under way and you have not checked in: check in to be recorded as present.</source>
        <translation>Cuộc họp đang diễn ra và đồng chí chưa điểm danh: hãy điểm danh để được ghi nhận có mặt.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Hide this; the Attendance tab still has Check in</source>
        <translation>Ẩn thông báo này; thẻ Điểm danh vẫn có nút Điểm danh</translation>
    </message>
</context>
<context>
    <name>ClientController</name>
    <message>
        <source>Your session has ended ({reason}). Please sign in again.</source>
        <translation>Phiên làm việc đã kết thúc ({reason}). Vui lòng đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>CommandSender</name>
    <message>
        <source>Not connected to the server: the command was not sent.</source>
        <translation>Chưa kết nối với máy chủ: lệnh chưa được gửi.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation>Máy chủ không trả lời kịp thời. Vui lòng thử lại.</translation>
    </message>
    <message>
        <source>The server refused the command ({code}).</source>
        <translation>Máy chủ từ chối lệnh ({code}).</translation>
    </message>
</context>
<context>
    <name>ConclusionPanel</name>
    <message>
        <source>The conclusions on this item…</source>
        <translation>Kết luận về nội dung này…</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>What the meeting decided (one paragraph)</source>
        <translation>Cuộc họp đã quyết định gì (một đoạn)</translation>
    </message>
    <message>
        <source>Updated by another editor — reload?</source>
        <translation>Người khác đã cập nhật — tải lại?</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>Tải lại bản của họ</translation>
    </message>
    <message>
        <source>Show their version; my unsent changes are dropped</source>
        <translation>Hiện bản của họ; các thay đổi chưa gửi của tôi bị bỏ</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Giữ bản của tôi</translation>
    </message>
    <message>
        <source>Save my version over theirs (theirs stays in the history)</source>
        <translation>Lưu bản của tôi thay bản của họ (bản của họ vẫn còn trong lịch sử)</translation>
    </message>
    <message>
        <source>No decision yet</source>
        <translation>Chưa có quyết định</translation>
    </message>
    <message>
        <source>No conclusions yet.</source>
        <translation>Chưa có kết luận.</translation>
    </message>
    <message>
        <source>Unsent changes kept on this computer</source>
        <translation>Các thay đổi chưa gửi được giữ trên máy tính này</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Đang chỉnh sửa…</translation>
    </message>
    <message>
        <source>Offline: kept on this computer, sent when the connection is back</source>
        <translation>Ngoại tuyến: giữ trên máy tính này, gửi khi có kết nối</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <source>Not sent yet: kept on this computer, sent when the connection is back</source>
        <translation>Chưa gửi: giữ trên máy tính này, gửi khi có kết nối</translation>
    </message>
    <message>
        <source>Not saved: another editor changed this item</source>
        <translation>Chưa lưu: người khác đã sửa nội dung này</translation>
    </message>
    <message>
        <source>Not saved (kept on this computer)</source>
        <translation>Chưa lưu (giữ trên máy tính này)</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>● Connected</source>
        <translation>● Đã kết nối</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Đang kết nối…</translation>
    </message>
    <message>
        <source>● Reconnecting…</source>
        <translation>● Đang kết nối lại…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Ngoại tuyến</translation>
    </message>
    <message>
        <source>Live: changes arrive as they happen</source>
        <translation>Trực tiếp: thay đổi được cập nhật ngay</translation>
    </message>
    <message>
        <source>Connection lost; showing the last known state</source>
        <translation>Mất kết nối; đang hiển thị trạng thái gần nhất</translation>
    </message>
    <message>
        <source>No connection to the server; showing the last known state</source>
        <translation>Không kết nối được máy chủ; đang hiển thị trạng thái gần nhất</translation>
    </message>
</context>
<context>
    <name>ConsoleHeader</name>
    <message>
        <source>MEETING TIME / PLANNED</source>
        <translation>THỜI GIAN HỌP / DỰ KIẾN</translation>
    </message>
</context>
<context>
    <name>CountsTable</name>
    <message>
        <source>Attendance by site</source>
        <translation>Điểm danh theo điểm cầu</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>CurrentItemPage</name>
    <message>
        <source>UP NEXT</source>
        <translation>TIẾP THEO</translation>
    </message>
    <message>
        <source>Joining the meeting…</source>
        <translation>Đang vào cuộc họp…</translation>
    </message>
    <message>
        <source>The meeting has not started yet.</source>
        <translation>Cuộc họp chưa bắt đầu.</translation>
    </message>
    <message>
        <source>No agenda item is being discussed right now.</source>
        <translation>Hiện chưa thảo luận nội dung nào.</translation>
    </message>
    <message>
        <source>The meeting has ended.</source>
        <translation>Cuộc họp đã kết thúc.</translation>
    </message>
    <message>
        <source>MEETING</source>
        <translation>CUỘC HỌP</translation>
    </message>
    <message>
        <source>NOW DISCUSSING · ITEM {n} OF {total}</source>
        <translation>ĐANG THẢO LUẬN · NỘI DUNG {n}/{total}</translation>
    </message>
    <message>
        <source>Presented by {name}</source>
        <translation>Do {name} trình bày</translation>
    </message>
    <message>
        <source>planned {n} min</source>
        <translation>dự kiến {n} phút</translation>
    </message>
    <message>
        <source>Time on this item</source>
        <translation>Thời gian cho nội dung này</translation>
    </message>
</context>
<context>
    <name>DemoLauncher</name>
    <message>
        <source>Starting the demo meeting server…
{url}</source>
        <translation>Đang khởi động máy chủ cuộc họp trình diễn…
{url}</translation>
    </message>
    <message>
        <source>Paperless Meeting Room — demo</source>
        <translation>Phòng họp không giấy — bản trình diễn</translation>
    </message>
    <message>
        <source>The demo could not start</source>
        <translation>Không khởi động được bản trình diễn</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <source>e.g. Hội nghị giao ban quý IV</source>
        <translation>ví dụ: Hội nghị giao ban quý IV</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Dự kiến kết thúc</translation>
    </message>
    <message>
        <source>e.g. Phòng họp số 1, trụ sở Bộ</source>
        <translation>ví dụ: Phòng họp số 1, trụ sở Bộ</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Kết thúc lúc</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <source>St&amp;arts</source>
        <translation>&amp;Bắt đầu</translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation>&amp;Kết thúc lúc</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>Địa điể&amp;m</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>Thêm điểm cầu</translation>
    </message>
    <message>
        <source>Remove site</source>
        <translation>Xóa điểm cầu</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Điểm cầu mới</translation>
    </message>
    <message>
        <source>S&amp;ites</source>
        <translation>Điểm &amp;cầu</translation>
    </message>
    <message>
        <source>The first site is the central hall. Double-click a name to change it.</source>
        <translation>Điểm cầu đầu tiên là hội trường trung tâm. Nhấp đúp vào tên để đổi tên.</translation>
    </message>
    <message>
        <source>The sites are fixed once the meeting exists.</source>
        <translation>Các điểm cầu được cố định sau khi tạo cuộc họp.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>I ta&amp;ke part as</source>
        <translation>Tôi t&amp;ham dự với tư cách</translation>
    </message>
    <message>
        <source>Main hall</source>
        <translation>Hội trường chính</translation>
    </message>
    <message>
        <source>Give the meeting a title.</source>
        <translation>Hãy đặt tên cho cuộc họp.</translation>
    </message>
    <message>
        <source>The meeting must end after it starts.</source>
        <translation>Thời gian kết thúc phải sau thời gian bắt đầu.</translation>
    </message>
    <message>
        <source>Choose the part you take in the meeting (I take part as).</source>
        <translation>Hãy chọn vai trò của mình trong cuộc họp (Tôi tham dự với tư cách).</translation>
    </message>
    <message>
        <source>Every site needs a name, and no two sites may have the same name.</source>
        <translation>Mỗi điểm cầu phải có tên và không được trùng tên nhau.</translation>
    </message>
</context>
<context>
    <name>DocumentDelegate</name>
    <message>
        <source>Restricted</source>
        <translation>Hạn chế</translation>
    </message>
    <message>
        <source>Not released</source>
        <translation>Chưa phát hành</translation>
    </message>
    <message>
        <source>{n} page</source>
        <translation>{n} trang</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} trang</translation>
    </message>
    <message>
        <source>version %s</source>
        <translation>phiên bản %s</translation>
    </message>
    <message>
        <source>{n} named reader</source>
        <translation>{n} người được đọc</translation>
    </message>
    <message>
        <source>{n} named readers</source>
        <translation>{n} người được đọc</translation>
    </message>
    <message>
        <source>✓ On this device</source>
        <translation>✓ Đã lưu trên máy</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>Tải xuống thất bại</translation>
    </message>
    <message>
        <source>↻ Retry</source>
        <translation>↻ Thử lại</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Đang chờ…</translation>
    </message>
</context>
<context>
    <name>DocumentEditDialog</name>
    <message>
        <source>Document details</source>
        <translation>Thông tin tài liệu</translation>
    </message>
    <message>
        <source>&amp;Released to the participants</source>
        <translation>Đã &amp;phát hành cho đại biểu</translation>
    </message>
</context>
<context>
    <name>DocumentFields</name>
    <message>
        <source>e.g. Tờ trình số 12/TTr-BKHĐT</source>
        <translation>ví dụ: Tờ trình số 12/TTr-BKHĐT</translation>
    </message>
    <message>
        <source>No agenda item (other documents)</source>
        <translation>Không thuộc nội dung nào (tài liệu khác)</translation>
    </message>
    <message>
        <source>A&amp;ll participants</source>
        <translation>Tất &amp;cả đại biểu</translation>
    </message>
    <message>
        <source>&amp;Only these participants:</source>
        <translation>C&amp;hỉ những đại biểu sau:</translation>
    </message>
    <message>
        <source>&amp;Release now (otherwise only the chair and the secretary see it until it is released)</source>
        <translation>&amp;Phát hành ngay (nếu không, chỉ chủ trì và thư ký xem được cho đến khi phát hành)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Tiêu đề</translation>
    </message>
    <message>
        <source>&amp;Agenda item</source>
        <translation>&amp;Nội dung chương trình</translation>
    </message>
    <message>
        <source>Who may read it</source>
        <translation>Người được đọc</translation>
    </message>
    <message>
        <source>The chair and the secretary read every document.</source>
        <translation>Chủ trì và thư ký được đọc mọi tài liệu.</translation>
    </message>
</context>
<context>
    <name>DocumentListPage</name>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>Tải lên…</translation>
    </message>
    <message>
        <source>Upload a PDF or an Office file (or drop files here)</source>
        <translation>Tải lên tệp PDF hoặc Office (hoặc thả tệp vào đây)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>No documents for this meeting yet.</source>
        <translation>Cuộc họp chưa có tài liệu.</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Chi tiết…</translation>
    </message>
    <message>
        <source>Rename, attach to an item, choose who reads it</source>
        <translation>Đổi tên, gắn với nội dung, chọn người được đọc</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Phiên bản mới…</translation>
    </message>
    <message>
        <source>Replace the file with a new version</source>
        <translation>Thay tệp bằng phiên bản mới</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Phát hành</translation>
    </message>
    <message>
        <source>Let the participants read it</source>
        <translation>Cho đại biểu đọc</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Drop files here to upload them.</source>
        <translation>Thả tệp vào đây để tải lên.</translation>
    </message>
    <message>
        <source>{n} download failed.</source>
        <translation>{n} lượt tải thất bại.</translation>
    </message>
    <message>
        <source>{n} downloads failed.</source>
        <translation>{n} lượt tải thất bại.</translation>
    </message>
    <message>
        <source>Downloading documents: {ready} of {total} ready…</source>
        <translation>Đang tải tài liệu: đã xong {ready}/{total}…</translation>
    </message>
    <message>
        <source>✓ The document is saved on this device.</source>
        <translation>✓ Tài liệu đã được lưu trên máy này.</translation>
    </message>
    <message>
        <source>✓ All {n} documents are saved on this device.</source>
        <translation>✓ Cả {n} tài liệu đã được lưu trên máy này.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Retry the download</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Xóa…</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>The document could not be downloaded: {error}
Use Retry in the list.</source>
        <translation>Không tải được tài liệu: {error}
Hãy dùng nút Thử lại trong danh sách.</translation>
    </message>
    <message>
        <source>Downloading “{title}”… {percent} %</source>
        <translation>Đang tải “{title}”… {percent} %</translation>
    </message>
    <message>
        <source>“{title}” is no longer available.</source>
        <translation>“{title}” không còn nữa.</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Tải lên tài liệu</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>Tài liệu ({patterns})</translation>
    </message>
    <message>
        <source>File repaired</source>
        <translation>Tệp đã được sửa</translation>
    </message>
    <message>
        <source>“%1” was damaged; the server repaired it and stores the repaired copy. Check that every page reads as expected.</source>
        <translation>“%1” bị hỏng; máy chủ đã sửa và lưu bản đã sửa. Hãy kiểm tra xem mọi trang có đọc được như mong đợi không.</translation>
    </message>
    <message>
        <source>New version of “{title}”</source>
        <translation>Phiên bản mới của “{title}”</translation>
    </message>
    <message>
        <source>Remove the document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Remove “{title}” for every participant?</source>
        <translation>Xóa “{title}” đối với mọi đại biểu?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>DownloadIndicator</name>
    <message>
        <source>Documents: {n} download failed</source>
        <translation>Tài liệu: {n} lượt tải thất bại</translation>
    </message>
    <message>
        <source>Documents: {n} downloads failed</source>
        <translation>Tài liệu: {n} lượt tải thất bại</translation>
    </message>
    <message>
        <source>Downloading documents {ready}/{total}</source>
        <translation>Đang tải tài liệu {ready}/{total}</translation>
    </message>
    <message>
        <source>Documents on this device ✓</source>
        <translation>Tài liệu đã lưu trên máy ✓</translation>
    </message>
</context>
<context>
    <name>FloorStrip</name>
    <message>
        <source>The floor: click to open the Floor tab</source>
        <translation>Phát biểu: nhấp để mở thẻ Phát biểu</translation>
    </message>
    <message>
        <source>You have the floor</source>
        <translation>Mời đồng chí phát biểu</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>End this speech</source>
        <translation>Kết thúc lượt phát biểu này</translation>
    </message>
    <message>
        <source>Nobody has the floor</source>
        <translation>Không có ai đang phát biểu</translation>
    </message>
    <message>
        <source>Waiting: {speak} to speak · {questions} questions</source>
        <translation>Đang chờ: {speak} phát biểu · {questions} chất vấn</translation>
    </message>
</context>
<context>
    <name>FollowBanner</name>
    <message>
        <source>Follow presenter</source>
        <translation>Theo người trình bày</translation>
    </message>
    <message>
        <source>the presenter</source>
        <translation>người trình bày</translation>
    </message>
    <message>
        <source>Following %s: the pages turn with the presentation.</source>
        <translation>Đang theo %s: các trang lật theo phần trình bày.</translation>
    </message>
    <message>
        <source>You are browsing freely; %s is on another page.</source>
        <translation>Bạn đang xem tự do; %s đang ở trang khác.</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Joining the meeting…</source>
        <translation>Đang vào cuộc họp…</translation>
    </message>
    <message>
        <source>ELAPSED</source>
        <translation>ĐÃ QUA</translation>
    </message>
    <message>
        <source>STARTS AT</source>
        <translation>BẮT ĐẦU LÚC</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>THỜI LƯỢNG</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the conclusions</source>
        <translation>Lịch sử các kết luận</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Đang tải lịch sử…</translation>
    </message>
    <message>
        <source>Restore this revision</source>
        <translation>Khôi phục bản sửa đổi này</translation>
    </message>
    <message>
        <source>Revision {n} · {time}
{author}</source>
        <translation>Bản sửa đổi {n} · {time}
{author}</translation>
    </message>
    <message>
        <source>{n} revisions</source>
        <translation>{n} bản sửa đổi</translation>
    </message>
    <message>
        <source>No revision yet.</source>
        <translation>Chưa có bản sửa đổi nào.</translation>
    </message>
    <message>
        <source>Decision: {text}</source>
        <translation>Quyết định: {text}</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>System language</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The language of the application</source>
        <translation>Ngôn ngữ của ứng dụng</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Theo hệ thống</translation>
    </message>
</context>
<context>
    <name>LimitChooser</name>
    <message>
        <source>The speaking time given with the floor</source>
        <translation>Thời gian phát biểu được cấp</translation>
    </message>
</context>
<context>
    <name>LinkBadge</name>
    <message>
        <source>● No data</source>
        <translation>● Không có dữ liệu</translation>
    </message>
    <message>
        <source>The link is measured for the chair and secretaries</source>
        <translation>Đường truyền được đo cho chủ trì và thư ký</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>● Good</source>
        <translation>● Tốt</translation>
    </message>
    <message>
        <source>● Poor</source>
        <translation>● Kém</translation>
    </message>
    <message>
        <source>● Lost</source>
        <translation>● Mất kết nối</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Ngoại tuyến</translation>
    </message>
    <message>
        <source>Nobody is connected from this site</source>
        <translation>Không có ai kết nối từ điểm cầu này</translation>
    </message>
    <message>
        <source>No heartbeat from this site for {n} s</source>
        <translation>Không nhận được tín hiệu từ điểm cầu này trong {n} giây</translation>
    </message>
    <message>
        <source>{n} connection(s); round trip {ms} ms</source>
        <translation>{n} kết nối; thời gian khứ hồi {ms} ms</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Paperless Meeting Room</source>
        <translation>Phòng họp không giấy</translation>
    </message>
    <message>
        <source>Sign in to your meeting server</source>
        <translation>Đăng nhập vào máy chủ cuộc họp</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Enter the server address, your username and your password.</source>
        <translation>Hãy nhập địa chỉ máy chủ, tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>Unexpected error while signing in: {error}</source>
        <translation>Lỗi không mong muốn khi đăng nhập: {error}</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts.</source>
        <translation>Đăng nhập sai quá nhiều lần.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Không kết nối được máy chủ.</translation>
    </message>
    <message>
        <source>This server is not compatible with this application.</source>
        <translation>Máy chủ này không tương thích với ứng dụng.</translation>
    </message>
    <message>
        <source>The server could not sign you in.</source>
        <translation>Máy chủ không thể đăng nhập cho bạn.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified: the connection is not safe.</source>
        <translation>Không xác thực được chứng chỉ của máy chủ: kết nối không an toàn.</translation>
    </message>
    <message>
        <source>This account is deactivated.</source>
        <translation>Tài khoản này đã bị vô hiệu hóa.</translation>
    </message>
    <message>
        <source>Sign-in failed.</source>
        <translation>Đăng nhập không thành công.</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <source>Bold</source>
        <translation>Đậm</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Nghiêng</translation>
    </message>
    <message>
        <source>Bullet list</source>
        <translation>Danh sách dấu đầu dòng</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Danh sách đánh số</translation>
    </message>
</context>
<context>
    <name>MeetingRoomWindow</name>
    <message>
        <source>Meeting room</source>
        <translation>Phòng họp</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>Đã đăng nhập: {name}</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Connection lost: reconnecting. Showing the last known state.</source>
        <translation>Mất kết nối: đang kết nối lại. Đang hiển thị trạng thái gần nhất.</translation>
    </message>
    <message>
        <source>Offline: showing the last known state. Commands are disabled.</source>
        <translation>Ngoại tuyến: đang hiển thị trạng thái gần nhất. Các lệnh tạm thời bị vô hiệu.</translation>
    </message>
    <message>
        <source>Your session has ended ({reason}). Please sign in again.</source>
        <translation>Phiên làm việc đã kết thúc ({reason}). Vui lòng đăng nhập lại.</translation>
    </message>
    <message>
        <source>Could not open the meeting: {message}</source>
        <translation>Không mở được cuộc họp: {message}</translation>
    </message>
    <message>
        <source>That document is not available (yet).</source>
        <translation>Tài liệu đó (chưa) có sẵn.</translation>
    </message>
</context>
<context>
    <name>MeetingsWindow</name>
    <message>
        <source>Meetings</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <source>organizer</source>
        <translation>người tổ chức</translation>
    </message>
    <message>
        <source>Signed in as {who}</source>
        <translation>Đã đăng nhập: {who}</translation>
    </message>
    <message>
        <source>Loading meetings…</source>
        <translation>Đang tải danh sách cuộc họp…</translation>
    </message>
    <message>
        <source>My action items</source>
        <translation>Nhiệm vụ của tôi</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Enter the selected meeting&apos;s room</source>
        <translation>Vào phòng họp của cuộc họp đã chọn</translation>
    </message>
    <message>
        <source>Prepare…</source>
        <translation>Chuẩn bị…</translation>
    </message>
    <message>
        <source>Edit the selected meeting&apos;s details, participants and agenda</source>
        <translation>Sửa thông tin, đại biểu và chương trình nghị sự của cuộc họp đã chọn</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Cuộc họp mới…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Nhật ký hệ thống…</translation>
    </message>
    <message>
        <source>Who did what: the server&apos;s audit trail (administrators)</source>
        <translation>Ai đã làm gì: nhật ký kiểm tra của máy chủ (quản trị viên)</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Tìm kiếm…</translation>
    </message>
    <message>
        <source>Search my meetings, documents, conclusions and action items</source>
        <translation>Tìm trong cuộc họp, tài liệu, kết luận và nhiệm vụ của tôi</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Người dùng…</translation>
    </message>
    <message>
        <source>Create users, set their roles, deactivate them, reset passwords</source>
        <translation>Tạo người dùng, phân quyền, vô hiệu hóa, đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Đổi mật khẩu…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>You take part in no meeting yet.</source>
        <translation>Bạn chưa tham dự cuộc họp nào.</translation>
    </message>
    <message>
        <source>Your password was changed. Your other devices were signed out.</source>
        <translation>Đã đổi mật khẩu. Các thiết bị khác của bạn đã bị đăng xuất.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>MinutesPreview</name>
    <message>
        <source>Preview: {title}</source>
        <translation>Xem trước: {title}</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Biên bản</translation>
    </message>
    <message>
        <source>&amp;Notice of conclusions</source>
        <translation>&amp;Thông báo kết luận</translation>
    </message>
    <message>
        <source>Draft, as it stands now</source>
        <translation>Dự thảo, theo nội dung hiện tại</translation>
    </message>
    <message>
        <source>Published version</source>
        <translation>Bản đã công bố</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Notice of conclusions</source>
        <translation>Thông báo kết luận</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Đang tải xuống…</translation>
    </message>
    <message>
        <source>The document could not be downloaded: {error}</source>
        <translation>Không tải được văn bản: {error}</translation>
    </message>
</context>
<context>
    <name>MinutesTab</name>
    <message>
        <source>Follow the current item</source>
        <translation>Theo nội dung hiện tại</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Earlier versions of these conclusions</source>
        <translation>Các phiên bản trước của các kết luận này</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Nội dung chương trình</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>MyRequest</name>
    <message>
        <source>Request to speak</source>
        <translation>Xin phát biểu</translation>
    </message>
    <message>
        <source>Join the queue of those who asked to speak</source>
        <translation>Đăng ký xin phát biểu</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>Đặt câu hỏi</translation>
    </message>
    <message>
        <source>Join the queue of questions (chất vấn)</source>
        <translation>Đăng ký chất vấn</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <source>Leave the queue</source>
        <translation>Rút khỏi hàng chờ</translation>
    </message>
    <message>
        <source>{kind}: you are number {place} in the queue</source>
        <translation>{kind}: bạn đứng thứ {place} trong hàng chờ</translation>
    </message>
</context>
<context>
    <name>MyRequests</name>
    <message>
        <source>Observers follow the floor; they do not ask to speak.</source>
        <translation>Quan sát viên theo dõi phần phát biểu; không đăng ký phát biểu.</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>My notes</source>
        <translation>Ghi chú của tôi</translation>
    </message>
    <message>
        <source>The agenda item these notes are about</source>
        <translation>Nội dung chương trình mà ghi chú này đề cập</translation>
    </message>
    <message>
        <source>Private notes on this item: only you see them, on every device you sign in on.</source>
        <translation>Ghi chú riêng về nội dung này: chỉ bạn xem được, trên mọi thiết bị bạn đăng nhập.</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Đang chỉnh sửa…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Saved on this device; sent when the connection is back.</source>
        <translation>Đã lưu trên thiết bị này; sẽ gửi khi có kết nối.</translation>
    </message>
</context>
<context>
    <name>OpenPollBanner</name>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Close voting</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <source>VOTING NOW</source>
        <translation>ĐANG BIỂU QUYẾT</translation>
    </message>
    <message>
        <source>WRITTEN OPINIONS</source>
        <translation>LẤY Ý KIẾN BẰNG VĂN BẢN</translation>
    </message>
    <message>
        <source>You do not vote on this question.</source>
        <translation>Bạn không biểu quyết vấn đề này.</translation>
    </message>
    <message>
        <source>Your ballot is waiting.</source>
        <translation>Phiếu của bạn đang chờ gửi.</translation>
    </message>
    <message>
        <source>You have voted ✓</source>
        <translation>Bạn đã biểu quyết ✓</translation>
    </message>
    <message>
        <source>As proxy, still to vote for: {names}.</source>
        <translation>Là người được ủy quyền, còn phải biểu quyết thay cho: {names}.</translation>
    </message>
    <message>
        <source>All your ballots are cast ✓</source>
        <translation>Bạn đã bỏ tất cả các phiếu ✓</translation>
    </message>
    <message>
        <source>Change my vote</source>
        <translation>Thay đổi phiếu của tôi</translation>
    </message>
    <message>
        <source>Voting open</source>
        <translation>Đang mở biểu quyết</translation>
    </message>
</context>
<context>
    <name>OptionsEditor</name>
    <message>
        <source>Standard: {options}</source>
        <translation>Chuẩn: {options}</translation>
    </message>
    <message>
        <source>“Ý kiến khác” (another opinion) takes a comment.</source>
        <translation>“Ý kiến khác” cần kèm nội dung ý kiến.</translation>
    </message>
    <message>
        <source>Own options (the first one is the motion&apos;s “yes”)</source>
        <translation>Phương án riêng (phương án đầu tiên là “tán thành” đề xuất)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Phương án</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Phương án</translation>
    </message>
    <message>
        <source>Takes a comment</source>
        <translation>Kèm ý kiến</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Thêm phương án</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>OrphansPanel</name>
    <message>
        <source>A new version of the document changed the text of their pages. They stay on the previous version.</source>
        <translation>Phiên bản mới của tài liệu đã thay đổi nội dung các trang này. Các chú thích vẫn ở phiên bản trước.</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Đánh dấu</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Gạch chân</translation>
    </message>
    <message>
        <source>Strike-through</source>
        <translation>Gạch ngang</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Bút</translation>
    </message>
    <message>
        <source>Sticky note</source>
        <translation>Ghi chú dán</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>Hộp văn bản</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Hình chữ nhật</translation>
    </message>
    <message>
        <source>Page {page} (version {version})</source>
        <translation>Trang {page} (phiên bản {version})</translation>
    </message>
    <message>
        <source>Not carried over ({n})</source>
        <translation>Không chuyển sang được ({n})</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete this annotation: it is not shown on any version any more</source>
        <translation>Xóa chú thích này: chú thích không còn hiển thị trên phiên bản nào</translation>
    </message>
</context>
<context>
    <name>OthersBar</name>
    <message>
        <source>A participant to act for</source>
        <translation>Đại biểu được thay mặt</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>Register the participant to speak</source>
        <translation>Đăng ký phát biểu thay đại biểu</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Chất vấn</translation>
    </message>
    <message>
        <source>Register a question from the participant</source>
        <translation>Đăng ký chất vấn thay đại biểu</translation>
    </message>
    <message>
        <source>Give the floor</source>
        <translation>Cho phát biểu</translation>
    </message>
    <message>
        <source>Give the participant the floor now</source>
        <translation>Cho đại biểu phát biểu ngay</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời gian giới hạn</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Thay cho</translation>
    </message>
</context>
<context>
    <name>OwnLinkIndicator</name>
    <message>
        <source>Link: —</source>
        <translation>Đường truyền: —</translation>
    </message>
    <message>
        <source>No measure of the link to the server right now</source>
        <translation>Hiện chưa đo được đường truyền đến máy chủ</translation>
    </message>
    <message>
        <source>Link: slow · {ms} ms</source>
        <translation>Đường truyền: chậm · {ms} ms</translation>
    </message>
    <message>
        <source>Link: good · {ms} ms</source>
        <translation>Đường truyền: tốt · {ms} ms</translation>
    </message>
    <message>
        <source>Round trip of the last heartbeat to the server</source>
        <translation>Thời gian khứ hồi của tín hiệu gần nhất tới máy chủ</translation>
    </message>
</context>
<context>
    <name>ParticipantDelegate</name>
    <message>
        <source>{online}/{total} online</source>
        <translation>{online}/{total} trực tuyến</translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <source>Participants</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Điểm cầu</translation>
    </message>
    <message>
        <source>Remove from meeting</source>
        <translation>Xóa khỏi cuộc họp</translation>
    </message>
    <message>
        <source>Search by name or username</source>
        <translation>Tìm theo tên hoặc tên đăng nhập</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Users found</source>
        <translation>Người dùng tìm thấy</translation>
    </message>
    <message>
        <source>Voting weight</source>
        <translation>Trọng số biểu quyết</translation>
    </message>
    <message>
        <source>Add to meeting</source>
        <translation>Thêm vào cuộc họp</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Vai trò</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>Điểm cầ&amp;u</translation>
    </message>
    <message>
        <source>&amp;Voting weight</source>
        <translation>Trọng số biểu &amp;quyết</translation>
    </message>
    <message>
        <source>Add or change</source>
        <translation>Thêm hoặc thay đổi</translation>
    </message>
    <message>
        <source>Click a person found, choose their role and site, and press Add to meeting (or double-click them). Selecting a participant on the left lets you change theirs.</source>
        <translation>Bấm chọn một người tìm được, chọn vai trò và điểm cầu, rồi bấm Thêm vào cuộc họp (hoặc nhấp đúp vào người đó). Chọn một đại biểu ở bên trái để thay đổi vai trò và điểm cầu của họ.</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Không có điểm cầu</translation>
    </message>
    <message>
        <source>Save role and site</source>
        <translation>Lưu vai trò và điểm cầu</translation>
    </message>
    <message>
        <source>A poll is open: voting weights and who is a member cannot change until it closes.</source>
        <translation>Đang có biểu quyết: trọng số biểu quyết và danh sách thành viên không thể thay đổi cho đến khi biểu quyết kết thúc.</translation>
    </message>
    <message>
        <source>The meeting&apos;s organiser gives the roles of chair and secretary and sets voting weights.</source>
        <translation>Người tổ chức cuộc họp giao vai trò chủ trì, thư ký và đặt trọng số biểu quyết.</translation>
    </message>
    <message>
        <source>Already taking part: pick to change the role or site</source>
        <translation>Đã tham dự: chọn để đổi vai trò hoặc điểm cầu</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Xóa đại biểu</translation>
    </message>
    <message>
        <source>Remove {name} from this meeting?</source>
        <translation>Xóa {name} khỏi cuộc họp này?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Participants</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Participants by site</source>
        <translation>Đại biểu theo điểm cầu</translation>
    </message>
    <message>
        <source>{online} of {total} online</source>
        <translation>{online}/{total} trực tuyến</translation>
    </message>
</context>
<context>
    <name>PollDetail</name>
    <message>
        <source>Who voted what</source>
        <translation>Ai biểu quyết thế nào</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Choose a poll in the list.</source>
        <translation>Chọn một cuộc biểu quyết trong danh sách.</translation>
    </message>
    <message>
        <source>WRITTEN OPINIONS</source>
        <translation>LẤY Ý KIẾN BẰNG VĂN BẢN</translation>
    </message>
    <message>
        <source>VOTE</source>
        <translation>BIỂU QUYẾT</translation>
    </message>
    <message>
        <source>Secret ballot</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
    <message>
        <source>Named vote</source>
        <translation>Biểu quyết công khai</translation>
    </message>
    <message>
        <source>quorum {n} ballots</source>
        <translation>túc số {n} phiếu</translation>
    </message>
    <message>
        <source>votes may be changed</source>
        <translation>được thay đổi phiếu</translation>
    </message>
    <message>
        <source>deadline {time}</source>
        <translation>thời hạn {time}</translation>
    </message>
    <message>
        <source>countdown {n} s</source>
        <translation>đếm ngược {n} giây</translation>
    </message>
    <message>
        <source>documents: {titles}</source>
        <translation>tài liệu: {titles}</translation>
    </message>
    <message>
        <source>Turnout: {n} of {m} ballots</source>
        <translation>Tỷ lệ tham gia: {n}/{m} phiếu</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Câu trả lời</translation>
    </message>
    <message>
        <source>Answered ({n}): {names}</source>
        <translation>Đã trả lời ({n}): {names}</translation>
    </message>
    <message>
        <source>Not yet answered ({n}): {names}</source>
        <translation>Chưa trả lời ({n}): {names}</translation>
    </message>
    <message>
        <source>Receipts ({n})</source>
        <translation>Mã xác nhận ({n})</translation>
    </message>
    <message>
        <source>Opinions:</source>
        <translation>Ý kiến:</translation>
    </message>
    <message>
        <source>No receipt of yours is kept on this computer for this poll.</source>
        <translation>Máy tính này không lưu mã xác nhận nào của bạn cho cuộc biểu quyết này.</translation>
    </message>
    <message>
        <source>Your receipt is in the list ✓</source>
        <translation>Mã xác nhận của bạn có trong danh sách ✓</translation>
    </message>
    <message>
        <source>Your {n} receipts are in the list ✓</source>
        <translation>{n} mã xác nhận của bạn đều có trong danh sách ✓</translation>
    </message>
    <message>
        <source>✗ {missing} of your {n} receipts are NOT in the list: tell the secretary.</source>
        <translation>✗ {missing} trong {n} mã xác nhận của bạn KHÔNG có trong danh sách: hãy báo thư ký.</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Edit the poll</source>
        <translation>Sửa cuộc biểu quyết</translation>
    </message>
    <message>
        <source>New poll</source>
        <translation>Biểu quyết mới</translation>
    </message>
    <message>
        <source>Vote in the meeting</source>
        <translation>Biểu quyết tại cuộc họp</translation>
    </message>
    <message>
        <source>Written opinions (until a deadline)</source>
        <translation>Lấy ý kiến bằng văn bản (có thời hạn)</translation>
    </message>
    <message>
        <source>The question put to the vote</source>
        <translation>Vấn đề đưa ra biểu quyết</translation>
    </message>
    <message>
        <source>No agenda item</source>
        <translation>Không thuộc nội dung nào</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Lựa chọn</translation>
    </message>
    <message>
        <source>Ballot</source>
        <translation>Phiếu biểu quyết</translation>
    </message>
    <message>
        <source> ballots</source>
        <translation> phiếu</translation>
    </message>
    <message>
        <source>No countdown (closed by the chair)</source>
        <translation>Không đếm ngược (chủ trì kết thúc)</translation>
    </message>
    <message>
        <source> seconds</source>
        <translation> giây</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Create poll</source>
        <translation>Tạo biểu quyết</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>The result shows who voted what.</source>
        <translation>Kết quả hiển thị ai biểu quyết thế nào.</translation>
    </message>
    <message>
        <source>Nobody, not even the server&apos;s administrators, can link a ballot to its voter.</source>
        <translation>Không ai, kể cả quản trị viên máy chủ, có thể biết phiếu nào của ai.</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Loại</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>Nội &amp;dung biểu quyết</translation>
    </message>
    <message>
        <source>Agenda &amp;item</source>
        <translation>Nội dung &amp;chương trình</translation>
    </message>
    <message>
        <source>O&amp;ptions</source>
        <translation>&amp;Phương án</translation>
    </message>
    <message>
        <source>&amp;Majority</source>
        <translation>Đ&amp;a số</translation>
    </message>
    <message>
        <source>The meeting&apos;s quorum</source>
        <translation>Theo túc số của cuộc họp</translation>
    </message>
    <message>
        <source>The fewest ballots for the result to be valid; by default the meeting&apos;s quorum rule over the members present.</source>
        <translation>Số phiếu tối thiểu để kết quả có giá trị; mặc định áp dụng quy định về túc số của cuộc họp đối với số thành viên có mặt.</translation>
    </message>
    <message>
        <source>Q&amp;uorum</source>
        <translation>Túc &amp;số</translation>
    </message>
    <message>
        <source>&amp;Countdown</source>
        <translation>Đếm &amp;ngược</translation>
    </message>
    <message>
        <source>&amp;One option</source>
        <translation>&amp;Một phương án</translation>
    </message>
    <message>
        <source>&amp;Several options, from</source>
        <translation>Nh&amp;iều phương án, từ</translation>
    </message>
    <message>
        <source>&amp;Named</source>
        <translation>Công &amp;khai</translation>
    </message>
    <message>
        <source>S&amp;ecret</source>
        <translation>&amp;Bỏ phiếu kín</translation>
    </message>
    <message>
        <source>&amp;Voters may change their vote until the close</source>
        <translation>Người biểu &amp;quyết được thay đổi phiếu cho đến khi kết thúc</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>&amp;Hỏi</translation>
    </message>
    <message>
        <source>&amp;Deadline</source>
        <translation>&amp;Thời hạn</translation>
    </message>
    <message>
        <source>Documen&amp;ts</source>
        <translation>Tài liệ&amp;u</translation>
    </message>
    <message>
        <source>Write the question.</source>
        <translation>Hãy nhập câu hỏi.</translation>
    </message>
    <message>
        <source>Give at least two options.</source>
        <translation>Cần ít nhất hai phương án.</translation>
    </message>
    <message>
        <source>The fewest choices cannot exceed the most.</source>
        <translation>Số lựa chọn tối thiểu không được lớn hơn tối đa.</translation>
    </message>
    <message>
        <source>There are only {n} options to choose from.</source>
        <translation>Chỉ có {n} phương án để chọn.</translation>
    </message>
    <message>
        <source>A countdown lasts at least 10 seconds.</source>
        <translation>Thời gian đếm ngược tối thiểu là 10 giây.</translation>
    </message>
    <message>
        <source>Choose whom to ask.</source>
        <translation>Chọn người được hỏi.</translation>
    </message>
    <message>
        <source>The deadline must be in the future.</source>
        <translation>Thời hạn phải ở tương lai.</translation>
    </message>
    <message>
        <source>Secret vote</source>
        <translation>Bỏ phiếu kín</translation>
    </message>
</context>
<context>
    <name>PollManager</name>
    <message>
        <source>Delete the poll</source>
        <translation>Xóa cuộc biểu quyết</translation>
    </message>
    <message>
        <source>Delete the draft “{q}”?</source>
        <translation>Xóa bản nháp “{q}”?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Open the vote</source>
        <translation>Mở biểu quyết</translation>
    </message>
    <message>
        <source>Open voting</source>
        <translation>Mở biểu quyết</translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation>Vẫn mở</translation>
    </message>
    <message>
        <source>Close the vote</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <source>Close the vote now? Ballots not yet sent will not count.</source>
        <translation>Kết thúc biểu quyết ngay? Các phiếu chưa gửi sẽ không được tính.</translation>
    </message>
    <message>
        <source>Close voting</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
</context>
<context>
    <name>PreparationDialog</name>
    <message>
        <source>Prepare meeting</source>
        <translation>Chuẩn bị cuộc họp</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Cuộc họp mới</translation>
    </message>
    <message>
        <source>Not taking part</source>
        <translation>Không tham dự</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>Lưu thông tin chung</translation>
    </message>
    <message>
        <source>Create meeting</source>
        <translation>Tạo cuộc họp</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Could not open the meeting: {message}</source>
        <translation>Không mở được cuộc họp: {message}</translation>
    </message>
    <message>
        <source>Prepare: {title}</source>
        <translation>Chuẩn bị: {title}</translation>
    </message>
    <message>
        <source>Create the meeting first; then add its participants and agenda.</source>
        <translation>Hãy tạo cuộc họp trước, sau đó thêm đại biểu và chương trình nghị sự.</translation>
    </message>
    <message>
        <source>Loading the meeting…</source>
        <translation>Đang tải cuộc họp…</translation>
    </message>
    <message>
        <source>Changes are saved on the server at once, except the details: save them with the button.</source>
        <translation>Các thay đổi được lưu ngay lên máy chủ, trừ phần thông tin chung: hãy lưu bằng nút Lưu.</translation>
    </message>
    <message>
        <source>The details were saved.</source>
        <translation>Đã lưu thông tin chung.</translation>
    </message>
    <message>
        <source>The meeting was created. Now add its participants and agenda.</source>
        <translation>Đã tạo cuộc họp. Bây giờ hãy thêm đại biểu và chương trình nghị sự.</translation>
    </message>
</context>
<context>
    <name>PresentedArea</name>
    <message>
        <source>Agenda</source>
        <translation>Chương trình nghị sự</translation>
    </message>
    <message>
        <source>A document reserved to some participants is being presented.
It is not shown on the room display.</source>
        <translation>Đang trình chiếu một tài liệu chỉ dành cho một số đại biểu.
Tài liệu này không hiển thị trên màn hình phòng họp.</translation>
    </message>
    <message>
        <source>Loading “{title}”…</source>
        <translation>Đang tải “{title}”…</translation>
    </message>
</context>
<context>
    <name>PresentingBanner</name>
    <message>
        <source>Stop presenting</source>
        <translation>Dừng trình chiếu</translation>
    </message>
    <message>
        <source>Presenting page {page} of “{title}” to all sites</source>
        <translation>Đang trình chiếu trang {page} của “{title}” tới mọi điểm cầu</translation>
    </message>
    <message>
        <source>Presenting page {page} to all sites</source>
        <translation>Đang trình chiếu trang {page} tới mọi điểm cầu</translation>
    </message>
</context>
<context>
    <name>ProxyDialog</name>
    <message>
        <source>Represented by (proxy)</source>
        <translation>Người được ủy quyền</translation>
    </message>
    <message>
        <source>Who represents {name} at this meeting, by their written authorisation? A proxy counts the member as present for the quorum while the proxy is present, and votes for them.</source>
        <translation>Theo giấy ủy quyền, ai đại diện cho {name} tại cuộc họp này? Người được ủy quyền giúp thành viên được tính là có mặt cho túc số khi người được ủy quyền có mặt, và biểu quyết thay cho thành viên.</translation>
    </message>
    <message>
        <source>Who represents you at this meeting? A proxy counts you as present for the quorum while the proxy is present, and votes for you; you are told when they do.</source>
        <translation>Ai đại diện cho bạn tại cuộc họp này? Người được ủy quyền giúp bạn được tính là có mặt cho túc số khi người được ủy quyền có mặt, và biểu quyết thay bạn; bạn sẽ được báo khi họ biểu quyết.</translation>
    </message>
    <message>
        <source>e.g. Giấy ủy quyền số 12/GUQ, 05/12/2026</source>
        <translation>ví dụ: Giấy ủy quyền số 12/GUQ, 05/12/2026</translation>
    </message>
    <message>
        <source>&amp;Written authorisation (number, date)</source>
        <translation>&amp;Giấy ủy quyền (số, ngày)</translation>
    </message>
    <message>
        <source>Nobody (no proxy)</source>
        <translation>Không ai (không ủy quyền)</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với tất &amp;cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất cả (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sa&amp;o chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Requests to speak and questions</source>
        <translation>Đăng ký phát biểu và chất vấn</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Không có ai đang chờ.</translation>
    </message>
    <message>
        <source>Give the floor</source>
        <translation>Cho phát biểu</translation>
    </message>
    <message>
        <source>Give the floor to the selected request (or the first in the queue)</source>
        <translation>Cho phát biểu theo yêu cầu đã chọn (hoặc người đầu hàng chờ)</translation>
    </message>
    <message>
        <source>Move up in the queue</source>
        <translation>Chuyển lên trong hàng chờ</translation>
    </message>
    <message>
        <source>Move down in the queue</source>
        <translation>Chuyển xuống trong hàng chờ</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <source>Take the selected request out of the queue</source>
        <translation>Đưa yêu cầu đã chọn ra khỏi hàng chờ</translation>
    </message>
    <message>
        <source>The speaker holding the floor is at this site</source>
        <translation>Người đang phát biểu ở điểm cầu này</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} đang chờ</translation>
    </message>
    <message>
        <source>{name} (you)</source>
        <translation>{name} (bạn)</translation>
    </message>
    <message>
        <source>#{place} in the queue, {site}</source>
        <translation>Thứ {place} trong hàng chờ, {site}</translation>
    </message>
</context>
<context>
    <name>QuorumBox</name>
    <message>
        <source>The quorum rule of this meeting</source>
        <translation>Quy tắc túc số của cuộc họp này</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Quy tắc:</translation>
    </message>
    <message>
        <source>No quorum rule</source>
        <translation>Không áp dụng túc số</translation>
    </message>
    <message>
        <source>{counted} of {members} members present</source>
        <translation>{counted}/{members} thành viên có mặt</translation>
    </message>
    <message>
        <source>Quorum reached</source>
        <translation>Đã đủ túc số</translation>
    </message>
    <message>
        <source>No quorum yet</source>
        <translation>Chưa đủ túc số</translation>
    </message>
    <message>
        <source>{counted} of {members} members present · {required} required</source>
        <translation>{counted}/{members} thành viên có mặt · cần {required}</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>All documents</source>
        <translation>Tất cả tài liệu</translation>
    </message>
    <message>
        <source>Back to the list of documents</source>
        <translation>Quay lại danh sách tài liệu</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Trình chiếu</translation>
    </message>
    <message>
        <source>Present this document: every participant who follows sees the page you show</source>
        <translation>Trình chiếu tài liệu này: mọi đại biểu đang theo dõi sẽ thấy trang bạn hiển thị</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Ghi chú của tôi</translation>
    </message>
    <message>
        <source>My private notes on the agenda item</source>
        <translation>Ghi chú riêng của tôi về nội dung này</translation>
    </message>
    <message>
        <source>This document is restricted: it may not be exported or printed.</source>
        <translation>Tài liệu này bị hạn chế: không được xuất hoặc in.</translation>
    </message>
    <message>
        <source>This document is restricted: it may not be exported.</source>
        <translation>Tài liệu này bị hạn chế: không được xuất.</translation>
    </message>
    <message>
        <source>Export the annotated document</source>
        <translation>Xuất tài liệu kèm chú thích</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting the annotated document…</source>
        <translation>Đang xuất tài liệu kèm ghi chú…</translation>
    </message>
    <message>
        <source>The summary could not be written: {error}</source>
        <translation>Không ghi được bản tổng hợp: {error}</translation>
    </message>
    <message>
        <source>The annotated document could not be written: {error}</source>
        <translation>Không ghi được tài liệu kèm chú thích: {error}</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Đã lưu {path}.</translation>
    </message>
    <message>
        <source>Saved {path} with {n} annotations.</source>
        <translation>Đã lưu {path} với {n} chú thích.</translation>
    </message>
    <message>
        <source>Export my notes</source>
        <translation>Xuất ghi chú của tôi</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Đang viết bản tóm tắt…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the comment summary</source>
        <translation>Xuất tổng hợp ý kiến</translation>
    </message>
    <message>
        <source>Saved {path} with {n} comments.</source>
        <translation>Đã lưu {path} với {n} ý kiến.</translation>
    </message>
</context>
<context>
    <name>ReaderToolBar</name>
    <message>
        <source>Pages and contents</source>
        <translation>Trang và mục lục</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Trang trước (Page Up)</translation>
    </message>
    <message>
        <source>Page number: type one and press Enter</source>
        <translation>Số trang: nhập số và nhấn Enter</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Trang sau (Page Down)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Thu nhỏ (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Thu phóng</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Phóng to (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Tìm kiếm (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>ReaderWidget</name>
    <message>
        <source>Opening %s…</source>
        <translation>Đang mở %s…</translation>
    </message>
    <message>
        <source>This document cannot be opened.</source>
        <translation>Không mở được tài liệu này.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Excused absence</source>
        <translation>Vắng mặt có lý do</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>{n} participants</source>
        <translation>{n} đại biểu</translation>
    </message>
    <message>
        <source>Mark {who} as excused (absent with leave).</source>
        <translation>Ghi {who} vắng mặt có lý do.</translation>
    </message>
    <message>
        <source>Mark {who} as absent.</source>
        <translation>Ghi {who} vắng mặt.</translation>
    </message>
    <message>
        <source>Other reason (Lý do khác)…</source>
        <translation>Lý do khác…</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Không nêu lý do</translation>
    </message>
    <message>
        <source>Write the reason</source>
        <translation>Nhập lý do</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Lý do</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>{name} will be signed out on every device and asked to choose a new password at the next sign-in.</source>
        <translation>{name} sẽ bị đăng xuất khỏi mọi thiết bị và phải chọn mật khẩu mới ở lần đăng nhập tiếp theo.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Mật khẩu &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Repeat the password</source>
        <translation>Nhập &amp;lại mật khẩu</translation>
    </message>
</context>
<context>
    <name>ResultChart</name>
    <message>
        <source>No result yet.</source>
        <translation>Chưa có kết quả.</translation>
    </message>
</context>
<context>
    <name>ResultsArea</name>
    <message>
        <source>Voting now: {ballots} of {eligible} have voted</source>
        <translation>Đang biểu quyết: {ballots}/{eligible} đã bỏ phiếu</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <source>Nobody changes their own role, site or voting weight.</source>
        <translation>Không ai được tự thay đổi vai trò, điểm cầu hay trọng số biểu quyết của mình.</translation>
    </message>
    <message>
        <source>Only the meeting&apos;s organiser changes the chair or a secretary.</source>
        <translation>Chỉ người tổ chức cuộc họp mới thay đổi được chủ trì hoặc thư ký.</translation>
    </message>
    <message>
        <source>You manage only the participants of your own site.</source>
        <translation>Bạn chỉ quản lý người tham dự thuộc điểm cầu của mình.</translation>
    </message>
    <message>
        <source>Only the chair marks a present, online participant absent.</source>
        <translation>Chỉ chủ trì mới được ghi vắng mặt một người đang có mặt và trực tuyến.</translation>
    </message>
</context>
<context>
    <name>RightsNotifier</name>
    <message>
        <source>someone</source>
        <translation>một người</translation>
    </message>
    <message>
        <source>added as {role}</source>
        <translation>được thêm với vai trò {role}</translation>
    </message>
    <message>
        <source>role {before} → {after}</source>
        <translation>vai trò {before} → {after}</translation>
    </message>
    <message>
        <source>voting weight {before} → {after}</source>
        <translation>trọng số biểu quyết {before} → {after}</translation>
    </message>
    <message>
        <source>{name}: {what} (by {who})</source>
        <translation>{name}: {what} (do {who} thực hiện)</translation>
    </message>
    <message>
        <source>Recorded in the audit log</source>
        <translation>Đã ghi vào nhật ký hệ thống</translation>
    </message>
    <message>
        <source>{proxy}, your proxy, voted for you: {question}</source>
        <translation>{proxy}, người được bạn ủy quyền, đã biểu quyết thay bạn: {question}</translation>
    </message>
    <message>
        <source>Click to show the vote</source>
        <translation>Bấm để xem biểu quyết</translation>
    </message>
</context>
<context>
    <name>RoomDisplayWindow</name>
    <message>
        <source>Room display</source>
        <translation>Màn hình phòng họp</translation>
    </message>
    <message>
        <source>Joining the meeting…</source>
        <translation>Đang vào cuộc họp…</translation>
    </message>
    <message>
        <source>Room display — {title}</source>
        <translation>Màn hình phòng họp — {title}</translation>
    </message>
    <message>
        <source>ITEM {n} OF {total}</source>
        <translation>NỘI DUNG {n}/{total}</translation>
    </message>
    <message>
        <source>AGENDA</source>
        <translation>CHƯƠNG TRÌNH NGHỊ SỰ</translation>
    </message>
    <message>
        <source>The meeting has not started yet.</source>
        <translation>Cuộc họp chưa bắt đầu.</translation>
    </message>
    <message>
        <source>The meeting has ended.</source>
        <translation>Cuộc họp đã kết thúc.</translation>
    </message>
    <message>
        <source>No item is being discussed right now.</source>
        <translation>Hiện chưa thảo luận nội dung nào.</translation>
    </message>
</context>
<context>
    <name>RoomDocuments</name>
    <message>
        <source>Documents ({n})</source>
        <translation>Tài liệu ({n})</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
</context>
<context>
    <name>RoomNotifier</name>
    <message>
        <source>You have the floor.</source>
        <translation>Đồng chí được phát biểu.</translation>
    </message>
    <message>
        <source>Click to show the floor</source>
        <translation>Bấm để xem phần phát biểu</translation>
    </message>
    <message>
        <source>A vote has opened: {question}</source>
        <translation>Biểu quyết đã mở: {question}</translation>
    </message>
    <message>
        <source>Click to open the ballot</source>
        <translation>Bấm để mở phiếu biểu quyết</translation>
    </message>
    <message>
        <source>Click to show the vote</source>
        <translation>Bấm để xem biểu quyết</translation>
    </message>
    <message>
        <source>New document: {title}</source>
        <translation>Tài liệu mới: {title}</translation>
    </message>
    <message>
        <source>Click to open it</source>
        <translation>Bấm để mở</translation>
    </message>
    <message>
        <source>The presenter is on page {page} of {title}</source>
        <translation>Người trình bày đang ở trang {page} của {title}</translation>
    </message>
    <message>
        <source>Click to follow the presenter</source>
        <translation>Bấm để theo dõi người trình bày</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Find in document (e.g. nghị quyết)</source>
        <translation>Tìm trong tài liệu (ví dụ: nghị quyết)</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Kết quả trước (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Kết quả tiếp theo (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Không có kết quả</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <source>No searchable text</source>
        <translation>Không có chữ để tìm</translation>
    </message>
    <message>
        <source>This document has no text that can be searched: it is a scan, or its fonts do not say which letters they draw.</source>
        <translation>Tài liệu này không có chữ để tìm kiếm: đây là bản quét, hoặc phông chữ của nó không cho biết ký tự nào được vẽ.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Search meetings, documents, conclusions, action items…</source>
        <translation>Tìm cuộc họp, tài liệu, kết luận, nhiệm vụ…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Upcoming meetings</source>
        <translation>Cuộc họp sắp diễn ra</translation>
    </message>
    <message>
        <source>Live meetings</source>
        <translation>Cuộc họp đang diễn ra</translation>
    </message>
    <message>
        <source>Past meetings</source>
        <translation>Cuộc họp đã qua</translation>
    </message>
    <message>
        <source>Open action items</source>
        <translation>Nhiệm vụ đang thực hiện</translation>
    </message>
    <message>
        <source>Done action items</source>
        <translation>Nhiệm vụ đã hoàn thành</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Trong khoảng từ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>and</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Kết quả tìm kiếm</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Mục tìm thấy</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Trích đoạn</translation>
    </message>
    <message>
        <source>Type words to search for: diacritics and capitals do not matter.</source>
        <translation>Nhập từ cần tìm: không phân biệt dấu và chữ hoa.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Không tìm thấy kết quả.</translation>
    </message>
    <message>
        <source>{title} (page {page})</source>
        <translation>{title} (trang {page})</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>ServerMessages</name>
    <message>
        <source>%1 %2 not found</source>
        <translation>Không tìm thấy %1 %2</translation>
    </message>
    <message>
        <source>The file is an OLE compound file (an old Office format) but is damaged; save it again and upload it</source>
        <translation>Tệp là tệp OLE (định dạng Office cũ) nhưng bị hỏng; hãy lưu lại rồi tải lên</translation>
    </message>
    <message>
        <source>The file is an OLE compound file but not a Word, Excel or PowerPoint document (it may be an e-mail message or an installer)</source>
        <translation>Tệp là tệp OLE nhưng không phải văn bản Word, Excel hay PowerPoint (có thể là thư điện tử hoặc bộ cài đặt)</translation>
    </message>
    <message>
        <source>The file is a zip archive but not a Word, Excel, PowerPoint or OpenDocument text, spreadsheet or presentation</source>
        <translation>Tệp là tệp nén zip nhưng không phải văn bản, bảng tính hay bản trình chiếu Word, Excel, PowerPoint hoặc OpenDocument</translation>
    </message>
    <message>
        <source>The file is a zip but not a readable one (damaged or incomplete); save it again and upload it</source>
        <translation>Tệp là tệp zip nhưng không đọc được (bị hỏng hoặc không đầy đủ); hãy lưu lại rồi tải lên</translation>
    </message>
    <message>
        <source>%1 is an Office document. This server converts Office documents to PDF with LibreOffice, which is not installed on it: upload the document as PDF, or ask the administrator to install LibreOffice (e.g. the libreoffice-writer-nogui package).</source>
        <translation>%1 là tài liệu Office. Máy chủ này chuyển tài liệu Office sang PDF bằng LibreOffice, nhưng LibreOffice chưa được cài trên máy chủ: hãy tải tài liệu lên dưới dạng PDF, hoặc đề nghị quản trị viên cài LibreOffice (ví dụ gói libreoffice-writer-nogui).</translation>
    </message>
    <message>
        <source>%1 is an Office document. This server converts Office documents only in a sandbox (bubblewrap), which is not installed or cannot run here: upload the document as PDF, or ask the administrator to install the bubblewrap package.</source>
        <translation>%1 là tài liệu Office. Máy chủ này chỉ chuyển đổi tài liệu Office trong môi trường cách ly (bubblewrap), nhưng bubblewrap chưa được cài đặt hoặc không chạy được ở đây: hãy tải tài liệu lên dưới dạng PDF, hoặc đề nghị quản trị viên cài đặt gói bubblewrap.</translation>
    </message>
    <message>
        <source>%1 is named like a PDF but is not one (it does not start with %PDF-); accepted: %2</source>
        <translation>%1 có tên như tệp PDF nhưng không phải là PDF (không bắt đầu bằng %PDF-); các loại được chấp nhận: %2</translation>
    </message>
    <message>
        <source>%1 is named like an Office document but its content is not one; accepted: %2</source>
        <translation>%1 có tên như tài liệu Office nhưng nội dung không phải; các loại được chấp nhận: %2</translation>
    </message>
    <message>
        <source>%1 is not a document this server takes; accepted: %2</source>
        <translation>%1 không phải loại tài liệu máy chủ này nhận; các loại được chấp nhận: %2</translation>
    </message>
    <message>
        <source>%1: a positive number</source>
        <translation>%1: phải là số dương</translation>
    </message>
    <message>
        <source>%1: a whole number from %2 to %3</source>
        <translation>%1: phải là số nguyên từ %2 đến %3</translation>
    </message>
    <message>
        <source>%1: cannot be cleared</source>
        <translation>%1: không được để trống</translation>
    </message>
    <message>
        <source>%1: given twice</source>
        <translation>%1: bị nêu hai lần</translation>
    </message>
    <message>
        <source>%1: longer than %2 KB</source>
        <translation>%1: dài hơn %2 KB</translation>
    </message>
    <message>
        <source>%1: may not be null</source>
        <translation>%1: không được để trống (null)</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text</source>
        <translation>%1: không phải văn bản UTF-8</translation>
    </message>
    <message>
        <source>A command is an event name (text) and one JSON object</source>
        <translation>Một lệnh gồm tên sự kiện (dạng văn bản) và một đối tượng JSON</translation>
    </message>
    <message>
        <source>A command&apos;s payload is JSON: binary data is not accepted</source>
        <translation>Dữ liệu của lệnh phải là JSON: không nhận dữ liệu nhị phân</translation>
    </message>
    <message>
        <source>A command&apos;s payload is one JSON object</source>
        <translation>Dữ liệu của lệnh phải là một đối tượng JSON</translation>
    </message>
    <message>
        <source>A meeting needs a start time</source>
        <translation>Cuộc họp cần có thời gian bắt đầu</translation>
    </message>
    <message>
        <source>A meeting needs a title</source>
        <translation>Cuộc họp cần có tiêu đề</translation>
    </message>
    <message>
        <source>A login token is required</source>
        <translation>Cần có mã đăng nhập</translation>
    </message>
    <message>
        <source>A member cannot represent themself</source>
        <translation>Thành viên không thể tự ủy quyền cho chính mình</translation>
    </message>
    <message>
        <source>A password has at least %1 characters</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự</translation>
    </message>
    <message>
        <source>A proxy is never named by the proxy</source>
        <translation>Người được ủy quyền không được tự chỉ định mình</translation>
    </message>
    <message>
        <source>A proxy is named by the member themself, or by the chair from the member&apos;s written authorisation</source>
        <translation>Người được ủy quyền do chính thành viên chỉ định, hoặc do chủ trì ghi nhận theo giấy ủy quyền của thành viên</translation>
    </message>
    <message>
        <source>A site secretary cannot move anyone to another site</source>
        <translation>Thư ký điểm cầu không được chuyển ai sang điểm cầu khác</translation>
    </message>
    <message>
        <source>A site secretary manages only the participants of their own site</source>
        <translation>Thư ký điểm cầu chỉ quản lý đại biểu của điểm cầu mình</translation>
    </message>
    <message>
        <source>A vote opens while the meeting is live</source>
        <translation>Chỉ mở biểu quyết khi cuộc họp đang diễn ra</translation>
    </message>
    <message>
        <source>Action item %1 not found</source>
        <translation>Không tìm thấy nhiệm vụ %1</translation>
    </message>
    <message>
        <source>Agenda item %1 not found</source>
        <translation>Không tìm thấy nội dung chương trình %1</translation>
    </message>
    <message>
        <source>Already voted</source>
        <translation>Đã biểu quyết rồi</translation>
    </message>
    <message>
        <source>An agenda item needs a title</source>
        <translation>Nội dung chương trình cần có tiêu đề</translation>
    </message>
    <message>
        <source>An observer cannot be given the floor</source>
        <translation>Không thể cho quan sát viên phát biểu</translation>
    </message>
    <message>
        <source>An observer cannot represent a member</source>
        <translation>Quan sát viên không thể nhận ủy quyền của thành viên</translation>
    </message>
    <message>
        <source>An observer has no voice in the meeting</source>
        <translation>Quan sát viên không có quyền phát biểu trong cuộc họp</translation>
    </message>
    <message>
        <source>Ask for a version or for the draft, not both</source>
        <translation>Hãy yêu cầu một phiên bản hoặc bản dự thảo, không yêu cầu cả hai</translation>
    </message>
    <message>
        <source>Authorization: Bearer &lt;token&gt; is required</source>
        <translation>Cần có tiêu đề Authorization: Bearer &lt;token&gt;</translation>
    </message>
    <message>
        <source>Change your own password with &quot;Change password&quot; (it asks for the current one)</source>
        <translation>Hãy đổi mật khẩu của chính bạn bằng &quot;Đổi mật khẩu&quot; (chức năng này yêu cầu mật khẩu hiện tại)</translation>
    </message>
    <message>
        <source>Check in first: a proxy votes while present</source>
        <translation>Hãy điểm danh trước: người được ủy quyền chỉ biểu quyết khi có mặt</translation>
    </message>
    <message>
        <source>Check in first: members present vote</source>
        <translation>Hãy điểm danh trước: thành viên có mặt mới được biểu quyết</translation>
    </message>
    <message>
        <source>Checking the PDF needed more than %1 s of processing; it is too complex or built to exhaust a reader</source>
        <translation>Kiểm tra tệp PDF cần hơn %1 giây xử lý; tệp quá phức tạp hoặc được tạo ra để làm cạn kiệt trình đọc</translation>
    </message>
    <message>
        <source>Checking the PDF took longer than %1 s; it is too complex or built to stall a reader</source>
        <translation>Kiểm tra tệp PDF mất hơn %1 giây; tệp quá phức tạp hoặc được tạo ra để làm treo trình đọc</translation>
    </message>
    <message>
        <source>Choices: need min_choices &lt;= max_choices &lt;= %1 options</source>
        <translation>Số lựa chọn: cần min_choices &lt;= max_choices &lt;= %1 phương án</translation>
    </message>
    <message>
        <source>Cite the member&apos;s written authorisation to name a proxy for them</source>
        <translation>Hãy nêu giấy ủy quyền của thành viên để chỉ định người được ủy quyền thay họ</translation>
    </message>
    <message>
        <source>Converting %1 to PDF took longer than %2 s</source>
        <translation>Chuyển %1 sang PDF mất hơn %2 giây</translation>
    </message>
    <message>
        <source>Document %1 has no version %2</source>
        <translation>Tài liệu %1 không có phiên bản %2</translation>
    </message>
    <message>
        <source>Document %1 not found</source>
        <translation>Không tìm thấy tài liệu %1</translation>
    </message>
    <message>
        <source>Invalid payload: %1</source>
        <translation>Dữ liệu không hợp lệ: %1</translation>
    </message>
    <message>
        <source>LibreOffice could not convert the document to PDF%1</source>
        <translation>LibreOffice không chuyển được tài liệu sang PDF%1</translation>
    </message>
    <message>
        <source>Malformed multipart form: %1</source>
        <translation>Biểu mẫu multipart không đúng định dạng: %1</translation>
    </message>
    <message>
        <source>Malformed multipart form: every part needs a name</source>
        <translation>Biểu mẫu multipart không đúng định dạng: mỗi phần cần có tên</translation>
    </message>
    <message>
        <source>Meeting %1 not found</source>
        <translation>Không tìm thấy cuộc họp %1</translation>
    </message>
    <message>
        <source>Meeting %1 not found (join it before sending heartbeats)</source>
        <translation>Không tìm thấy cuộc họp %1 (hãy tham gia cuộc họp trước khi gửi tín hiệu duy trì)</translation>
    </message>
    <message>
        <source>No pending request %1</source>
        <translation>Không có yêu cầu %1 đang chờ</translation>
    </message>
    <message>
        <source>No such annotation</source>
        <translation>Không có chú thích này</translation>
    </message>
    <message>
        <source>No user is named %1</source>
        <translation>Không có người dùng nào tên %1</translation>
    </message>
    <message>
        <source>Nobody holds the floor</source>
        <translation>Không có ai đang phát biểu</translation>
    </message>
    <message>
        <source>Nobody changes their own role, site or voting weight</source>
        <translation>Không ai được tự thay đổi vai trò, điểm cầu hay trọng số biểu quyết của mình</translation>
    </message>
    <message>
        <source>Nobody removes themself from a meeting</source>
        <translation>Không ai được tự xóa mình khỏi cuộc họp</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Chưa kết nối</translation>
    </message>
    <message>
        <source>Only a draft poll can be changed</source>
        <translation>Chỉ được sửa biểu quyết ở trạng thái dự thảo</translation>
    </message>
    <message>
        <source>Only a member (the chair or a delegate) can be represented</source>
        <translation>Chỉ thành viên (chủ tọa hoặc đại biểu) mới được ủy quyền</translation>
    </message>
    <message>
        <source>Only a participant can check in</source>
        <translation>Chỉ đại biểu tham dự mới được điểm danh</translation>
    </message>
    <message>
        <source>Only a participant may ask for the floor</source>
        <translation>Chỉ đại biểu tham dự mới được đăng ký phát biểu</translation>
    </message>
    <message>
        <source>Only an administrator may export the whole audit log; give meeting_id for one meeting&apos;s entries</source>
        <translation>Chỉ quản trị viên mới được xuất toàn bộ nhật ký kiểm tra; hãy nêu meeting_id để xuất các mục của một cuộc họp</translation>
    </message>
    <message>
        <source>Only an administrator may read the audit log</source>
        <translation>Chỉ quản trị viên mới được xem nhật ký kiểm tra</translation>
    </message>
    <message>
        <source>Only its author may change an annotation</source>
        <translation>Chỉ người tạo chú thích mới được sửa chú thích</translation>
    </message>
    <message>
        <source>Only its author may delete an annotation</source>
        <translation>Chỉ người tạo chú thích mới được xóa chú thích</translation>
    </message>
    <message>
        <source>Only its author, the chair or a secretary may withdraw a request</source>
        <translation>Chỉ người đăng ký, chủ tọa hoặc thư ký mới được rút yêu cầu</translation>
    </message>
    <message>
        <source>Only members vote</source>
        <translation>Chỉ thành viên mới được biểu quyết</translation>
    </message>
    <message>
        <source>Only the chair and the secretary may read the draft minutes</source>
        <translation>Chỉ chủ tọa và thư ký mới được xem dự thảo biên bản</translation>
    </message>
    <message>
        <source>Only the chair marks a present, online participant absent</source>
        <translation>Chỉ chủ trì mới được ghi vắng mặt một người đang có mặt và trực tuyến</translation>
    </message>
    <message>
        <source>Only the chair or a secretary may ask for the floor on someone&apos;s behalf</source>
        <translation>Chỉ chủ tọa hoặc thư ký mới được đăng ký phát biểu thay người khác</translation>
    </message>
    <message>
        <source>Only the chair or a secretary of the central site orders the queue</source>
        <translation>Chỉ chủ tọa hoặc thư ký điểm cầu trung tâm mới được sắp xếp danh sách chờ</translation>
    </message>
    <message>
        <source>Only the meeting&apos;s organiser changes the chair or a secretary</source>
        <translation>Chỉ người tổ chức cuộc họp mới thay đổi được chủ trì hoặc thư ký</translation>
    </message>
    <message>
        <source>Only the meeting&apos;s organiser grants the roles of chair and secretary</source>
        <translation>Chỉ người tổ chức cuộc họp mới giao vai trò chủ trì và thư ký</translation>
    </message>
    <message>
        <source>Only the meeting&apos;s organiser sets voting weights</source>
        <translation>Chỉ người tổ chức cuộc họp mới đặt trọng số biểu quyết</translation>
    </message>
    <message>
        <source>Only the owner, the chair or the secretary may change this action item&apos;s status</source>
        <translation>Chỉ người thực hiện, chủ tọa hoặc thư ký mới được đổi trạng thái của nhiệm vụ này</translation>
    </message>
    <message>
        <source>Poll %1 is open: close it first (one vote at a time)</source>
        <translation>Biểu quyết %1 đang mở: hãy kết thúc biểu quyết đó trước (mỗi lần chỉ một biểu quyết)</translation>
    </message>
    <message>
        <source>Poll %1 not found</source>
        <translation>Không tìm thấy biểu quyết %1</translation>
    </message>
    <message>
        <source>A username is 1 to 64 letters A-Z without marks, digits, dots, hyphens or underscores, starting with a letter or digit</source>
        <translation>Tên đăng nhập gồm 1 đến 64 ký tự: chữ cái A-Z không dấu, chữ số, dấu chấm, dấu gạch ngang hoặc gạch dưới, bắt đầu bằng chữ cái hoặc chữ số</translation>
    </message>
    <message>
        <source>Malformed multipart form: a part&apos;s header holds a control character (a line break or NUL in the file name?)</source>
        <translation>Biểu mẫu multipart không hợp lệ: phần đầu của một mục chứa ký tự điều khiển (tên tệp có dấu xuống dòng hoặc ký tự NUL?)</translation>
    </message>
    <message>
        <source>Checking the Office document needed more than its limits (%1 s of processing, %2 MB of memory): it is too large, or built to exhaust the checker</source>
        <translation>Việc kiểm tra tài liệu Office cần vượt quá giới hạn cho phép (%1 giây xử lý, %2 MB bộ nhớ): tài liệu quá lớn, hoặc được tạo ra để làm cạn kiệt trình kiểm tra</translation>
    </message>
    <message>
        <source>Checking the Office document took longer than %1 s; it is too large, or built to stall the checker</source>
        <translation>Việc kiểm tra tài liệu Office mất hơn %1 giây; tài liệu quá lớn, hoặc được tạo ra để làm treo trình kiểm tra</translation>
    </message>
    <message>
        <source>Checking the document needs more memory than allowed</source>
        <translation>Việc kiểm tra tài liệu cần nhiều bộ nhớ hơn mức cho phép</translation>
    </message>
    <message>
        <source>Converting the document to PDF needed more than its limits (%1 MB of memory, %2 s of processing): it is too complex, or built to exhaust the converter</source>
        <translation>Việc chuyển tài liệu sang PDF cần vượt quá giới hạn cho phép (%1 MB bộ nhớ, %2 giây xử lý): tài liệu quá phức tạp, hoặc được tạo ra để làm cạn kiệt trình chuyển đổi</translation>
    </message>
    <message>
        <source>Reading the PDF needs more than %1 MB of memory</source>
        <translation>Đọc tệp PDF cần hơn %1 MB bộ nhớ</translation>
    </message>
    <message>
        <source>Reading the PDF stopped the checking process (signal %1): the file is damaged, hostile, or needs more than %2 MB of memory</source>
        <translation>Việc đọc tệp PDF đã làm dừng tiến trình kiểm tra (tín hiệu %1): tệp bị hỏng, độc hại hoặc cần hơn %2 MB bộ nhớ</translation>
    </message>
    <message>
        <source>Site %1 is not a site of this meeting</source>
        <translation>Điểm cầu %1 không thuộc cuộc họp này</translation>
    </message>
    <message>
        <source>Start the meeting before giving the floor</source>
        <translation>Hãy bắt đầu cuộc họp trước khi cho phát biểu</translation>
    </message>
    <message>
        <source>Start the meeting before moving through its agenda</source>
        <translation>Hãy bắt đầu cuộc họp trước khi chuyển nội dung chương trình</translation>
    </message>
    <message>
        <source>Start the meeting before presenting</source>
        <translation>Hãy bắt đầu cuộc họp trước khi trình chiếu</translation>
    </message>
    <message>
        <source>Text may not contain NUL characters</source>
        <translation>Văn bản không được chứa ký tự NUL</translation>
    </message>
    <message>
        <source>Text must be valid Unicode (it holds a lone UTF-16 surrogate)</source>
        <translation>Văn bản phải là Unicode hợp lệ (có một ký tự thay thế UTF-16 đứng riêng)</translation>
    </message>
    <message>
        <source>The PDF could not be checked (%1)</source>
        <translation>Không kiểm tra được tệp PDF (%1)</translation>
    </message>
    <message>
        <source>The document holds %1 parts; at most %2 are accepted</source>
        <translation>Tài liệu có %1 thành phần; chỉ chấp nhận tối đa %2</translation>
    </message>
    <message>
        <source>The document holds two parts under one name (readers would disagree on which counts)</source>
        <translation>Tài liệu có hai thành phần trùng tên (các trình đọc sẽ hiểu khác nhau về thành phần nào được dùng)</translation>
    </message>
    <message>
        <source>The document is protected by a password; upload it without the password</source>
        <translation>Tài liệu được bảo vệ bằng mật khẩu; hãy tải lên bản không có mật khẩu</translation>
    </message>
    <message>
        <source>The document unpacks to more than %1; it is too large to convert (or built to exhaust the converter)</source>
        <translation>Tài liệu khi giải nén lớn hơn %1; tài liệu quá lớn để chuyển đổi (hoặc được tạo ra để làm cạn kiệt trình chuyển đổi)</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 declares an XML document type (DTD), which Office documents never do; it is how XML pulls in outside content</source>
        <translation>Thành phần %1 của tài liệu khai báo kiểu tài liệu XML (DTD), điều mà tài liệu Office không bao giờ dùng; đây là cách XML kéo nội dung từ bên ngoài vào</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 holds %2, which could not be removed; remove it (or embed the content) and upload the document again</source>
        <translation>Thành phần %1 của tài liệu chứa %2 và không thể gỡ bỏ; hãy xóa nó (hoặc nhúng nội dung vào tài liệu) rồi tải tài liệu lên lại</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 is damaged (bad compressed data)</source>
        <translation>Thành phần %1 của tài liệu bị hỏng (dữ liệu nén không hợp lệ)</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 is damaged (no local header)</source>
        <translation>Thành phần %1 của tài liệu bị hỏng (thiếu phần đầu cục bộ)</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 is not what its header says (%2 declared): damaged, or built to mislead</source>
        <translation>Thành phần %1 của tài liệu không đúng như phần đầu khai báo (khai báo %2): tệp bị hỏng, hoặc được tạo ra để đánh lừa</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 is not well-formed XML (%2)</source>
        <translation>Thành phần %1 của tài liệu không phải XML hợp lệ (%2)</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 unpacks from %2 to %3 (more than %4 times): a compression bomb, refused</source>
        <translation>Thành phần %1 của tài liệu giải nén từ %2 thành %3 (gấp hơn %4 lần): đây là bom nén, bị từ chối</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 unpacks to %2; parts up to %3 are accepted</source>
        <translation>Thành phần %1 của tài liệu khi giải nén là %2; chỉ chấp nhận thành phần tối đa %3</translation>
    </message>
    <message>
        <source>The document&apos;s part %1 uses an unusual compression (method %2); save it again from the Office program</source>
        <translation>Thành phần %1 của tài liệu dùng kiểu nén bất thường (phương thức %2); hãy lưu lại tài liệu từ chương trình Office</translation>
    </message>
    <message>
        <source>The PDF is damaged and cannot be read (%1)</source>
        <translation>Tệp PDF bị hỏng và không đọc được (%1)</translation>
    </message>
    <message>
        <source>The body is nested more than %1 levels deep</source>
        <translation>Nội dung yêu cầu lồng nhau quá %1 cấp</translation>
    </message>
    <message>
        <source>The body is not JSON</source>
        <translation>Nội dung yêu cầu không phải JSON</translation>
    </message>
    <message>
        <source>The body is not UTF-8 text</source>
        <translation>Nội dung yêu cầu không phải văn bản UTF-8</translation>
    </message>
    <message>
        <source>The conclusion was changed meanwhile (revision %1); it now reads: %2</source>
        <translation>Kết luận vừa được người khác sửa (bản sửa %1); nội dung hiện tại: %2</translation>
    </message>
    <message>
        <source>The current password is wrong</source>
        <translation>Mật khẩu hiện tại không đúng</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes)</source>
        <translation>Tệp rỗng (0 byte)</translation>
    </message>
    <message>
        <source>The file is larger than the limit of %1 MB</source>
        <translation>Tệp lớn hơn giới hạn %1 MB</translation>
    </message>
    <message>
        <source>The meeting has already ended</source>
        <translation>Cuộc họp đã kết thúc</translation>
    </message>
    <message>
        <source>The meeting has ended</source>
        <translation>Cuộc họp đã kết thúc</translation>
    </message>
    <message>
        <source>The meeting has ended; its agenda can no longer change</source>
        <translation>Cuộc họp đã kết thúc; không thể thay đổi chương trình nghị sự nữa</translation>
    </message>
    <message>
        <source>The meeting has ended; its documents can no longer change</source>
        <translation>Cuộc họp đã kết thúc; không thể thay đổi tài liệu nữa</translation>
    </message>
    <message>
        <source>The meeting has not started</source>
        <translation>Cuộc họp chưa bắt đầu</translation>
    </message>
    <message>
        <source>The meeting is already in progress</source>
        <translation>Cuộc họp đang diễn ra</translation>
    </message>
    <message>
        <source>The meeting kept changing while this command was being prepared; try again</source>
        <translation>Cuộc họp liên tục thay đổi trong khi chuẩn bị lệnh này; hãy thử lại</translation>
    </message>
    <message>
        <source>The meeting must end after it starts</source>
        <translation>Thời gian kết thúc cuộc họp phải sau thời gian bắt đầu</translation>
    </message>
    <message>
        <source>The minutes have no version %1</source>
        <translation>Biên bản không có phiên bản %1</translation>
    </message>
    <message>
        <source>The minutes of this meeting are not published yet</source>
        <translation>Biên bản của cuộc họp này chưa được công bố</translation>
    </message>
    <message>
        <source>The new order must name every agenda item exactly once</source>
        <translation>Thứ tự mới phải nêu mỗi nội dung chương trình đúng một lần</translation>
    </message>
    <message>
        <source>The new order must name every pending %1 request exactly once</source>
        <translation>Thứ tự mới phải nêu mỗi yêu cầu %1 đang chờ đúng một lần</translation>
    </message>
    <message>
        <source>The password must not be the username</source>
        <translation>Mật khẩu không được trùng với tên đăng nhập</translation>
    </message>
    <message>
        <source>The payload is larger than %1 KB</source>
        <translation>Dữ liệu lớn hơn %1 KB</translation>
    </message>
    <message>
        <source>The payload is nested more than %1 levels deep</source>
        <translation>Dữ liệu lồng nhau sâu hơn %1 cấp</translation>
    </message>
    <message>
        <source>The proxy is represented by someone else: a proxy cannot be represented</source>
        <translation>Người được ủy quyền đã ủy quyền cho người khác: người được ủy quyền không thể ủy quyền tiếp</translation>
    </message>
    <message>
        <source>The request&apos;s body is too large</source>
        <translation>Nội dung yêu cầu quá lớn</translation>
    </message>
    <message>
        <source>The sealed ballots of poll %1 cannot be opened: their key is missing from the server&apos;s ballot-seals directory</source>
        <translation>Không mở được các phiếu kín đã niêm phong của biểu quyết %1: khóa của chúng không có trong thư mục ballot-seals của máy chủ</translation>
    </message>
    <message>
        <source>The server cannot reach its database right now; try again in a moment (a retry with the same request_id is carried out at most once)</source>
        <translation>Máy chủ hiện không kết nối được cơ sở dữ liệu; hãy thử lại sau giây lát (lệnh gửi lại với cùng request_id chỉ được thực hiện tối đa một lần)</translation>
    </message>
    <message>
        <source>The server cannot reach its database right now; try again in a moment</source>
        <translation>Máy chủ hiện không kết nối được cơ sở dữ liệu; vui lòng thử lại sau giây lát</translation>
    </message>
    <message>
        <source>The server could not accept this connection; try again</source>
        <translation>Máy chủ không thể chấp nhận kết nối này; vui lòng thử lại</translation>
    </message>
    <message>
        <source>The server could not complete this command</source>
        <translation>Máy chủ không thực hiện được lệnh này</translation>
    </message>
    <message>
        <source>The server could not complete this request</source>
        <translation>Máy chủ không xử lý được yêu cầu này</translation>
    </message>
    <message>
        <source>The server has no room to store this file; nothing was stored. Ask the administrator to free disk space, then try again</source>
        <translation>Máy chủ không còn chỗ để lưu tệp này; chưa có gì được lưu. Hãy đề nghị quản trị viên giải phóng dung lượng đĩa rồi thử lại</translation>
    </message>
    <message>
        <source>The upload is a multipart/form-data form with a file field</source>
        <translation>Tải lên phải là biểu mẫu multipart/form-data có trường file</translation>
    </message>
    <message>
        <source>The username %1 is taken</source>
        <translation>Tên đăng nhập %1 đã có người dùng</translation>
    </message>
    <message>
        <source>There is already a pending request (%1) for this participant</source>
        <translation>Đại biểu này đã có một yêu cầu (%1) đang chờ</translation>
    </message>
    <message>
        <source>There is no such address in this server&apos;s API</source>
        <translation>Không có địa chỉ này trong API của máy chủ</translation>
    </message>
    <message>
        <source>This account is deactivated</source>
        <translation>Tài khoản này đã bị vô hiệu hóa</translation>
    </message>
    <message>
        <source>This address does not take the %1 method</source>
        <translation>Địa chỉ này không nhận phương thức %1</translation>
    </message>
    <message>
        <source>This annotation was deleted on another device</source>
        <translation>Chú thích này đã bị xóa trên một thiết bị khác</translation>
    </message>
    <message>
        <source>This ballot_id was already used</source>
        <translation>ballot_id này đã được dùng</translation>
    </message>
    <message>
        <source>This command&apos;s subject moved while it ran; try again</source>
        <translation>Đối tượng của lệnh đã thay đổi trong khi thực hiện; hãy thử lại</translation>
    </message>
    <message>
        <source>This member is present and votes in person</source>
        <translation>Thành viên này có mặt và tự biểu quyết</translation>
    </message>
    <message>
        <source>This member represents others, so cannot be represented</source>
        <translation>Thành viên này đang nhận ủy quyền của người khác nên không thể ủy quyền</translation>
    </message>
    <message>
        <source>This participant does not vote</source>
        <translation>Đại biểu này không có quyền biểu quyết</translation>
    </message>
    <message>
        <source>This poll has not been opened</source>
        <translation>Biểu quyết này chưa được mở</translation>
    </message>
    <message>
        <source>This poll is already closed</source>
        <translation>Biểu quyết này đã kết thúc</translation>
    </message>
    <message>
        <source>This poll is already open</source>
        <translation>Biểu quyết này đã được mở</translation>
    </message>
    <message>
        <source>This poll is closed</source>
        <translation>Biểu quyết này đã kết thúc</translation>
    </message>
    <message>
        <source>This request_id was already used for another command</source>
        <translation>request_id này đã được dùng cho một lệnh khác</translation>
    </message>
    <message>
        <source>This request_id was already used with a different payload; a new request needs a new request_id</source>
        <translation>request_id này đã được dùng với dữ liệu khác; yêu cầu mới cần một request_id mới</translation>
    </message>
    <message>
        <source>This server speaks protocol version %1; update the app to connect</source>
        <translation>Máy chủ này dùng giao thức phiên bản %1; hãy cập nhật ứng dụng để kết nối</translation>
    </message>
    <message>
        <source>This session has expired; log in again</source>
        <translation>Phiên đăng nhập đã hết hạn; hãy đăng nhập lại</translation>
    </message>
    <message>
        <source>This session was idle for more than %1 minutes; log in again</source>
        <translation>Phiên đăng nhập không hoạt động quá %1 phút; hãy đăng nhập lại</translation>
    </message>
    <message>
        <source>This session was logged out; log in again</source>
        <translation>Phiên đăng nhập đã được đăng xuất; hãy đăng nhập lại</translation>
    </message>
    <message>
        <source>This written poll does not ask this member</source>
        <translation>Đợt lấy ý kiến bằng văn bản này không hỏi ý kiến thành viên này</translation>
    </message>
    <message>
        <source>The shared annotations of this meeting would take %1 KB; the limit is %2 KB. Keep this one private, or remove shared ones</source>
        <translation>Các chú thích chia sẻ của cuộc họp này sẽ chiếm %1 KB; giới hạn là %2 KB. Hãy để chú thích này ở chế độ riêng tư, hoặc xóa bớt chú thích đã chia sẻ</translation>
    </message>
    <message>
        <source>This login already has %1 connections open, the limit; close some windows or log in again</source>
        <translation>Phiên đăng nhập này đã mở %1 kết nối, là mức tối đa; hãy đóng bớt cửa sổ hoặc đăng nhập lại</translation>
    </message>
    <message>
        <source>Too many commands too fast; try again in %1 s</source>
        <translation>Gửi quá nhiều lệnh trong thời gian ngắn; hãy thử lại sau %1 giây</translation>
    </message>
    <message>
        <source>Too many exports too fast; try again in %1 s</source>
        <translation>Xuất tệp quá nhiều lần trong thời gian ngắn; hãy thử lại sau %1 giây</translation>
    </message>
    <message>
        <source>Too many failed logins from this address; try again in a moment</source>
        <translation>Có quá nhiều lần đăng nhập sai từ địa chỉ này; hãy thử lại sau giây lát</translation>
    </message>
    <message>
        <source>Too many failed logins; try again in %1 minutes</source>
        <translation>Đăng nhập sai quá nhiều lần; hãy thử lại sau %1 phút</translation>
    </message>
    <message>
        <source>Too many searches too fast; try again in %1 s</source>
        <translation>Tìm kiếm quá nhiều lần trong thời gian ngắn; hãy thử lại sau %1 giây</translation>
    </message>
    <message>
        <source>Too many uploads too fast; try again in %1 s</source>
        <translation>Tải lên quá nhiều lần trong thời gian ngắn; hãy thử lại sau %1 giây</translation>
    </message>
    <message>
        <source>Two sites have the same name</source>
        <translation>Hai điểm cầu trùng tên</translation>
    </message>
    <message>
        <source>Unknown command %1</source>
        <translation>Lệnh không xác định %1</translation>
    </message>
    <message>
        <source>Unknown token; log in again</source>
        <translation>Mã đăng nhập không hợp lệ; hãy đăng nhập lại</translation>
    </message>
    <message>
        <source>User %1 is not a participant of this meeting</source>
        <translation>Người dùng %1 không phải đại biểu của cuộc họp này</translation>
    </message>
    <message>
        <source>User %1 not found</source>
        <translation>Không tìm thấy người dùng %1</translation>
    </message>
    <message>
        <source>Who is a member cannot change while a poll is open</source>
        <translation>Không thể thay đổi danh sách thành viên khi đang có biểu quyết</translation>
    </message>
    <message>
        <source>Wrong username or password</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu</translation>
    </message>
    <message>
        <source>You already keep %1 annotations on this document; the limit is %2</source>
        <translation>Bạn đã có %1 chú thích trên tài liệu này; giới hạn là %2</translation>
    </message>
    <message>
        <source>Voting weights cannot change while a poll is open</source>
        <translation>Không thể thay đổi trọng số biểu quyết khi đang có biểu quyết</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account</source>
        <translation>Bạn không thể vô hiệu hóa tài khoản của chính mình</translation>
    </message>
    <message>
        <source>You cannot remove your own administrator role</source>
        <translation>Bạn không thể bỏ vai trò quản trị viên của chính mình</translation>
    </message>
    <message>
        <source>You do not have the right to do this</source>
        <translation>Bạn không có quyền thực hiện thao tác này</translation>
    </message>
    <message>
        <source>You do not represent this member</source>
        <translation>Bạn không được thành viên này ủy quyền</translation>
    </message>
    <message>
        <source>You may not present a document you may not read</source>
        <translation>Bạn không thể trình chiếu tài liệu mà bạn không được xem</translation>
    </message>
    <message>
        <source>You may not read this document</source>
        <translation>Bạn không được xem tài liệu này</translation>
    </message>
    <message>
        <source>Your annotations on this document would take %1 KB; the limit is %2 KB</source>
        <translation>Các chú thích của bạn trên tài liệu này sẽ chiếm %1 KB; giới hạn là %2 KB</translation>
    </message>
    <message>
        <source>access: no user with id %1</source>
        <translation>access: không có người dùng có id %1</translation>
    </message>
    <message>
        <source>action: at most 64 characters</source>
        <translation>action: tối đa 64 ký tự</translation>
    </message>
    <message>
        <source>agenda_item_id: %1 is not an agenda item of this meeting</source>
        <translation>agenda_item_id: %1 không phải nội dung chương trình của cuộc họp này</translation>
    </message>
    <message>
        <source>allow_change: a secret ballot cannot be found again to be changed</source>
        <translation>allow_change: phiếu kín không thể tìm lại để sửa</translation>
    </message>
    <message>
        <source>annotation.data: %1</source>
        <translation>annotation.data: %1</translation>
    </message>
    <message>
        <source>closes_at: a written poll needs a deadline</source>
        <translation>closes_at: lấy ý kiến bằng văn bản cần có thời hạn</translation>
    </message>
    <message>
        <source>closes_at: the deadline has passed</source>
        <translation>closes_at: đã quá thời hạn</translation>
    </message>
    <message>
        <source>comment: none of the chosen options takes a comment</source>
        <translation>comment: không phương án nào đã chọn cho phép kèm ý kiến</translation>
    </message>
    <message>
        <source>document_ids: no document %1 in this meeting</source>
        <translation>document_ids: cuộc họp này không có tài liệu %1</translation>
    </message>
    <message>
        <source>file: the form has no file</source>
        <translation>file: biểu mẫu không có tệp</translation>
    </message>
    <message>
        <source>id: this note id is already in use</source>
        <translation>id: id ghi chú này đã được dùng</translation>
    </message>
    <message>
        <source>max_choices: a ballot must be able to choose an option</source>
        <translation>max_choices: phiếu biểu quyết phải chọn được ít nhất một phương án</translation>
    </message>
    <message>
        <source>option_ids: an option is chosen twice</source>
        <translation>option_ids: một phương án bị chọn hai lần</translation>
    </message>
    <message>
        <source>option_ids: choose %1 to %2 options</source>
        <translation>option_ids: hãy chọn từ %1 đến %2 phương án</translation>
    </message>
    <message>
        <source>option_ids: no option %1 in this poll</source>
        <translation>option_ids: biểu quyết này không có phương án %1</translation>
    </message>
    <message>
        <source>options: two options have the same text</source>
        <translation>options: hai phương án trùng nội dung</translation>
    </message>
    <message>
        <source>owner_id: no user with id %1</source>
        <translation>owner_id: không có người dùng có id %1</translation>
    </message>
    <message>
        <source>page: %1 is out of range (version %2 has %3 pages, counted from 0)</source>
        <translation>page: %1 nằm ngoài phạm vi (phiên bản %2 có %3 trang, đánh số từ 0)</translation>
    </message>
    <message>
        <source>page: the document has %1 pages (counted from 0)</source>
        <translation>page: tài liệu có %1 trang (đánh số từ 0)</translation>
    </message>
    <message>
        <source>query: give at least one word to search for</source>
        <translation>query: hãy nhập ít nhất một từ cần tìm</translation>
    </message>
    <message>
        <source>quorum_rule: give one of the rules (none: no quorum)</source>
        <translation>quorum_rule: hãy chọn một trong các quy tắc (none: không cần túc số)</translation>
    </message>
    <message>
        <source>replaces: document %1 is not a document of this meeting</source>
        <translation>replaces: tài liệu %1 không thuộc cuộc họp này</translation>
    </message>
    <message>
        <source>since: an ISO 8601 time</source>
        <translation>since: phải là thời điểm theo ISO 8601</translation>
    </message>
    <message>
        <source>title: a new document needs a title</source>
        <translation>title: tài liệu mới cần có tiêu đề</translation>
    </message>
    <message>
        <source>version: a version number</source>
        <translation>version: phải là số phiên bản</translation>
    </message>
    <message>
        <source>version: document %1 has no version %2</source>
        <translation>version: tài liệu %1 không có phiên bản %2</translation>
    </message>
    <message>
        <source>voter_ids: %1 are not members of this meeting</source>
        <translation>voter_ids: %1 không phải thành viên của cuộc họp này</translation>
    </message>
    <message>
        <source>What the command names does not exist</source>
        <translation>Đối tượng mà lệnh nêu không tồn tại</translation>
    </message>
    <message>
        <source>The command is not valid</source>
        <translation>Lệnh không hợp lệ</translation>
    </message>
    <message>
        <source>This conflicts with a change made meanwhile</source>
        <translation>Thao tác này xung đột với một thay đổi vừa được thực hiện</translation>
    </message>
    <message>
        <source>This can no longer be changed</source>
        <translation>Không thể thay đổi mục này nữa</translation>
    </message>
    <message>
        <source>You are not signed in</source>
        <translation>Bạn chưa đăng nhập</translation>
    </message>
    <message>
        <source>Too many attempts; try again later</source>
        <translation>Thử quá nhiều lần; hãy thử lại sau</translation>
    </message>
    <message>
        <source>The server could not complete this</source>
        <translation>Máy chủ không thực hiện được thao tác này</translation>
    </message>
    <message>
        <source>The server refused this</source>
        <translation>Máy chủ đã từ chối thao tác này</translation>
    </message>
    <message>
        <source>%1. The server said: “%2”</source>
        <translation>%1. Thông báo của máy chủ: “%2”</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Theo &amp;hệ thống</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Sáng</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tối</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Tương phản &amp;cao</translation>
    </message>
    <message>
        <source>T&amp;ouch mode (large buttons)</source>
        <translation>Chế độ &amp;cảm ứng (nút lớn)</translation>
    </message>
    <message>
        <source>Play a &amp;sound with notices</source>
        <translation>Phát â&amp;m thanh khi có thông báo</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>This document has no table of contents.</source>
        <translation>Tài liệu này không có mục lục.</translation>
    </message>
</context>
<context>
    <name>SiteTile</name>
    <message>
        <source>Central</source>
        <translation>Trung tâm</translation>
    </message>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <source>Members present (in person or by proxy) of the site&apos;s members: {present} in person, {represented} represented, {absent} absent, {excused} excused, {unknown} not recorded</source>
        <translation>Thành viên có mặt (trực tiếp hoặc ủy quyền) trên tổng số thành viên của điểm cầu: {present} trực tiếp, {represented} ủy quyền, {absent} vắng mặt, {excused} vắng có lý do, {unknown} chưa ghi nhận</translation>
    </message>
    <message>
        <source>{online} of {total} participants connected</source>
        <translation>{online}/{total} đại biểu đã kết nối</translation>
    </message>
    <message>
        <source>Speaking: {name}</source>
        <translation>Đang phát biểu: {name}</translation>
    </message>
    <message>
        <source>No raised hands</source>
        <translation>Không có ai giơ tay</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation> và {n} người khác</translation>
    </message>
    <message>
        <source>1 raised hand: {names}</source>
        <translation>1 người giơ tay: {names}</translation>
    </message>
    <message>
        <source>{n} raised hands: {names}</source>
        <translation>{n} người giơ tay: {names}</translation>
    </message>
</context>
<context>
    <name>SitesView</name>
    <message>
        <source>No site</source>
        <translation>Không có điểm cầu</translation>
    </message>
    <message>
        <source>{n} sites · {online} with someone online</source>
        <translation>{n} điểm cầu · {online} điểm có người trực tuyến</translation>
    </message>
    <message>
        <source>{n} link(s) lost</source>
        <translation>Mất {n} đường truyền</translation>
    </message>
</context>
<context>
    <name>SpeakerCard</name>
    <message>
        <source>+30 s</source>
        <translation>+30 giây</translation>
    </message>
    <message>
        <source>Give the speaker 30 more seconds</source>
        <translation>Thêm 30 giây cho người phát biểu</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 phút</translation>
    </message>
    <message>
        <source>Give the speaker one more minute</source>
        <translation>Thêm một phút cho người phát biểu</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>End this speech</source>
        <translation>Kết thúc lượt phát biểu này</translation>
    </message>
    <message>
        <source>THE FLOOR</source>
        <translation>PHÁT BIỂU</translation>
    </message>
    <message>
        <source>Nobody has the floor</source>
        <translation>Không có ai đang phát biểu</translation>
    </message>
    <message>
        <source>{n} waiting in the queues</source>
        <translation>{n} người đang chờ trong hàng chờ</translation>
    </message>
    <message>
        <source>Nobody is waiting to speak.</source>
        <translation>Không có ai đăng ký phát biểu.</translation>
    </message>
    <message>
        <source>YOU HAVE THE FLOOR</source>
        <translation>MỜI ĐỒNG CHÍ PHÁT BIỂU</translation>
    </message>
    <message>
        <source>HAS THE FLOOR</source>
        <translation>ĐANG PHÁT BIỂU</translation>
    </message>
    <message>
        <source>TIME LEFT OF {limit}</source>
        <translation>THỜI GIAN CÒN LẠI / {limit}</translation>
    </message>
    <message>
        <source>SPEAKING FOR (NO LIMIT)</source>
        <translation>ĐANG PHÁT BIỂU (KHÔNG GIỚI HẠN)</translation>
    </message>
    <message>
        <source>I have finished</source>
        <translation>Tôi đã phát biểu xong</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <source>THE FLOOR</source>
        <translation>PHÁT BIỂU</translation>
    </message>
    <message>
        <source>Nobody has the floor</source>
        <translation>Không có ai đang phát biểu</translation>
    </message>
    <message>
        <source>{n} waiting to speak</source>
        <translation>{n} người chờ phát biểu</translation>
    </message>
    <message>
        <source>QUESTION</source>
        <translation>CHẤT VẤN</translation>
    </message>
    <message>
        <source>SPEAKING</source>
        <translation>ĐANG PHÁT BIỂU</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page %s</source>
        <translation>Trang %s</translation>
    </message>
</context>
<context>
    <name>TimingRow</name>
    <message>
        <source>planned {n} min</source>
        <translation>dự kiến {n} phút</translation>
    </message>
    <message>
        <source>no planned time</source>
        <translation>không có thời gian dự kiến</translation>
    </message>
    <message>
        <source>spent {time}</source>
        <translation>đã dùng {time}</translation>
    </message>
    <message>
        <source>{time} over</source>
        <translation>quá {time}</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>còn {time}</translation>
    </message>
</context>
<context>
    <name>UploadDialog</name>
    <message>
        <source>New version of a document</source>
        <translation>Phiên bản mới của tài liệu</translation>
    </message>
    <message>
        <source>Upload a document</source>
        <translation>Tải lên tài liệu</translation>
    </message>
    <message>
        <source>This file becomes the next version of “{title}”. Its title, agenda item and readers stay.</source>
        <translation>Tệp này trở thành phiên bản tiếp theo của “{title}”. Tiêu đề, nội dung chương trình và người được đọc giữ nguyên.</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Tải lên</translation>
    </message>
    <message>
        <source>Sending… %p%</source>
        <translation>Đang gửi… %p%</translation>
    </message>
    <message>
        <source>Checking the file on the server…</source>
        <translation>Đang kiểm tra tệp trên máy chủ…</translation>
    </message>
    <message>
        <source>The server refused the file: {message}</source>
        <translation>Máy chủ từ chối tệp: {message}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>Sửa người dùng</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Người dùng mới</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Văn An</source>
        <translation>ví dụ: Nguyễn Văn An</translation>
    </message>
    <message>
        <source>You cannot remove your own administrator role</source>
        <translation>Bạn không thể bỏ vai trò quản trị viên của chính mình</translation>
    </message>
    <message>
        <source>&amp;Administrator: may do everything</source>
        <translation>&amp;Quản trị viên: được thực hiện mọi thao tác</translation>
    </message>
    <message>
        <source>&amp;Organizer: may create meetings</source>
        <translation>Người tổ &amp;chức: được tạo cuộc họp</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Tên đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>R&amp;epeat the password</source>
        <translation>Nhập &amp;lại mật khẩu</translation>
    </message>
    <message>
        <source>Global roles</source>
        <translation>Vai trò hệ thống</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Tạo người dùng</translation>
    </message>
    <message>
        <source>Enter a username and a full name.</source>
        <translation>Hãy nhập tên đăng nhập và họ tên.</translation>
    </message>
</context>
<context>
    <name>UsersWindow</name>
    <message>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Người dùng mới…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Vô hiệu hóa…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Show deactivated</source>
        <translation>Hiện người dùng đã vô hiệu hóa</translation>
    </message>
    <message>
        <source>Search by name or username…</source>
        <translation>Tìm theo tên hoặc tên đăng nhập…</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Kích hoạt lại</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account</source>
        <translation>Bạn không thể vô hiệu hóa tài khoản của chính mình</translation>
    </message>
    <message>
        <source>Created {name}.</source>
        <translation>Đã tạo {name}.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>Đã lưu {name}.</translation>
    </message>
    <message>
        <source>{name} has a new password and was signed out everywhere.</source>
        <translation>{name} đã có mật khẩu mới và bị đăng xuất khỏi mọi thiết bị.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Vô hiệu hóa người dùng</translation>
    </message>
    <message>
        <source>Deactivate {name} ({username})? They are signed out on every device at once and cannot sign in until reactivated.</source>
        <translation>Vô hiệu hóa {name} ({username})? Người này bị đăng xuất ngay trên mọi thiết bị và không thể đăng nhập cho đến khi được kích hoạt lại.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Vô hiệu hóa</translation>
    </message>
    <message>
        <source>Reactivated {name}.</source>
        <translation>Đã kích hoạt lại {name}.</translation>
    </message>
    <message>
        <source>Deactivated {name}.</source>
        <translation>Đã vô hiệu hóa {name}.</translation>
    </message>
</context>
<context>
    <name>VotesTab</name>
    <message>
        <source>New poll</source>
        <translation>Biểu quyết mới</translation>
    </message>
    <message>
        <source>Written opinions</source>
        <translation>Lấy ý kiến bằng văn bản</translation>
    </message>
    <message>
        <source>Ask members for their opinion in writing, by a deadline</source>
        <translation>Lấy ý kiến đại biểu bằng văn bản, có thời hạn</translation>
    </message>
    <message>
        <source>Open the next vote</source>
        <translation>Mở biểu quyết tiếp theo</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Các cuộc biểu quyết</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Check and open voting</source>
        <translation>Kiểm tra và mở biểu quyết</translation>
    </message>
    <message>
        <source>Close voting</source>
        <translation>Kết thúc biểu quyết</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Not on the agenda</source>
        <translation>Không có trong chương trình nghị sự</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>thông qua</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>không thông qua</translation>
    </message>
    <message>
        <source>written</source>
        <translation>bằng văn bản</translation>
    </message>
    <message>
        <source>Reminder: please give your written opinion on “{q}”.</source>
        <translation>Nhắc nhở: đề nghị cho ý kiến bằng văn bản về “{q}”.</translation>
    </message>
</context>
<context>
    <name>WorkIndicator</name>
    <message>
        <source>{work} (+{n} more)</source>
        <translation>{work} (+{n} việc khác)</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <source>Approve this draft for publication</source>
        <translation>Phê duyệt bản dự thảo này để công bố</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Công bố</translation>
    </message>
    <message>
        <source>Preview PDF</source>
        <translation>Xem trước PDF</translation>
    </message>
    <message>
        <source>Show the draft minutes and notice of conclusions in the reader</source>
        <translation>Xem dự thảo biên bản và thông báo kết luận trong trình đọc</translation>
    </message>
    <message>
        <source>Export DOCX</source>
        <translation>Xuất DOCX</translation>
    </message>
    <message>
        <source>Download the minutes as a Word document</source>
        <translation>Tải biên bản dạng tài liệu Word</translation>
    </message>
    <message>
        <source>Open minutes</source>
        <translation>Mở biên bản</translation>
    </message>
    <message>
        <source>Read the published minutes in the documents tab</source>
        <translation>Đọc biên bản đã công bố trong thẻ Tài liệu</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã công bố</translation>
    </message>
    <message>
        <source>{status} · version {n}</source>
        <translation>{status} · phiên bản {n}</translation>
    </message>
    <message>
        <source>Published {time}</source>
        <translation>Công bố lúc {time}</translation>
    </message>
    <message>
        <source>Changed since version {n}: publish a correction</source>
        <translation>Đã thay đổi so với phiên bản {n}: công bố bản đính chính</translation>
    </message>
    <message>
        <source>Approved: ready to publish</source>
        <translation>Đã phê duyệt: sẵn sàng công bố</translation>
    </message>
    <message>
        <source>Saved as you type; approved and published by the chair</source>
        <translation>Tự động lưu khi gõ; chủ trì phê duyệt và công bố</translation>
    </message>
    <message>
        <source>Being written by the secretary</source>
        <translation>Thư ký đang soạn</translation>
    </message>
    <message>
        <source>Publish correction</source>
        <translation>Công bố bản đính chính</translation>
    </message>
    <message>
        <source>Publish a new version that replaces version {n}</source>
        <translation>Công bố phiên bản mới thay thế phiên bản {n}</translation>
    </message>
    <message>
        <source>Publish the minutes: they become final and go to every participant</source>
        <translation>Công bố biên bản: biên bản trở thành chính thức và được gửi tới mọi đại biểu</translation>
    </message>
    <message>
        <source>Publish the minutes of this meeting?

The published minutes can never change: their PDF is stored with its fingerprint in the audit log, and it is distributed to every participant as a meeting document.</source>
        <translation>Công bố biên bản cuộc họp này?

Biên bản đã công bố không bao giờ thay đổi được: tệp PDF được lưu kèm dấu vân tay trong nhật ký hệ thống và được gửi tới mọi đại biểu như một tài liệu cuộc họp.</translation>
    </message>
    <message>
        <source>This publishes version {n}, a correction that replaces version {old}; version {old} stays on record.</source>
        <translation>Thao tác này công bố phiên bản {n}, bản đính chính thay thế phiên bản {old}; phiên bản {old} vẫn được lưu trữ.</translation>
    </message>
    <message>
        <source>Publish the minutes</source>
        <translation>Công bố biên bản</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Save the minutes</source>
        <translation>Lưu biên bản</translation>
    </message>
    <message>
        <source>Downloading the minutes…</source>
        <translation>Đang tải biên bản…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Đã lưu vào {path}</translation>
    </message>
    <message>
        <source>The minutes could not be downloaded: {error}</source>
        <translation>Không tải được biên bản: {error}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Open</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
</context>
<context>
    <name>annotations</name>
    <message>
        <source>A new version of the document: {count} of your annotations (page {pages}) could not be carried over, as the text of their page changed. They stay on the previous version.</source>
        <translation>Phiên bản mới của tài liệu: {count} chú thích của đồng chí (trang {pages}) không chuyển sang được do nội dung trang đã thay đổi. Các chú thích này vẫn ở phiên bản trước.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Paperless Meeting Room</source>
        <translation>Phòng họp không giấy</translation>
    </message>
</context>
<context>
    <name>attendance</name>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Chưa ghi nhận</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>Other documents</source>
        <translation>Tài liệu khác</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>Highlight</source>
        <translation>Đánh dấu</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Gạch chân</translation>
    </message>
    <message>
        <source>Strike-through</source>
        <translation>Gạch ngang</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Bút</translation>
    </message>
    <message>
        <source>Sticky note</source>
        <translation>Ghi chú dán</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>Hộp văn bản</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Hình chữ nhật</translation>
    </message>
    <message>
        <source>p. {page}, {kind}: {text}</source>
        <translation>tr. {page}, {kind}: {text}</translation>
    </message>
    <message>
        <source>My notes, {time}</source>
        <translation>Ghi chú của tôi, {time}</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thời điểm sửa</translation>
    </message>
    <message>
        <source>Comment summary, {time}: {n} shared annotations</source>
        <translation>Tổng hợp ý kiến, {time}: {n} chú thích được chia sẻ</translation>
    </message>
</context>
<context>
    <name>floor</name>
    <message>
        <source>Question</source>
        <translation>Chất vấn</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Phát biểu</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Chất vấn</translation>
    </message>
    <message>
        <source>Requests to speak</source>
        <translation>Xin phát biểu</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} giây</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} phút</translation>
    </message>
    <message>
        <source>{h} h {m:02d}</source>
        <translation>{h} giờ {m:02d}</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Không giới hạn</translation>
    </message>
    <message>
        <source>Participant #{id}</source>
        <translation>Đại biểu #{id}</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Không có điểm cầu</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Đại biểu</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Quan sát viên</translation>
    </message>
    <message>
        <source>Not a participant</source>
        <translation>Không tham dự</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Sắp diễn ra</translation>
    </message>
    <message>
        <source>In session</source>
        <translation>Đang họp</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>My role</source>
        <translation>Vai trò của tôi</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Không có điểm cầu</translation>
    </message>
</context>
<context>
    <name>net</name>
    <message>
        <source>Enter your username and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>Its offline documents were removed from this computer.</source>
        <translation>Các tài liệu ngoại tuyến của tài khoản đã được xóa khỏi máy tính này.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a few minutes, then try again.</source>
        <translation>Đăng nhập sai quá nhiều lần. Hãy đợi vài phút rồi thử lại.</translation>
    </message>
    <message>
        <source>The server could not log you in (HTTP {status})</source>
        <translation>Máy chủ không thể đăng nhập cho bạn (HTTP {status})</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Wait a few minutes, then try again.</source>
        <translation>Nhập sai quá nhiều lần. Hãy đợi vài phút rồi thử lại.</translation>
    </message>
    <message>
        <source>Your session has ended; sign in again.</source>
        <translation>Phiên làm việc đã kết thúc; hãy đăng nhập lại.</translation>
    </message>
    <message>
        <source>The server refused the change (HTTP {status}).</source>
        <translation>Máy chủ từ chối thay đổi (HTTP {status}).</translation>
    </message>
    <message>
        <source>The server at {base} reported an error (HTTP {status}). Try again in a moment or ask the administrator.</source>
        <translation>Máy chủ tại {base} báo lỗi (HTTP {status}). Hãy thử lại sau ít phút hoặc liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>The address {where} answers, but it is not a meeting server. Check the address and the port.</source>
        <translation>Địa chỉ {where} có phản hồi nhưng không phải máy chủ cuộc họp. Hãy kiểm tra địa chỉ và cổng.</translation>
    </message>
    <message>
        <source>The server speaks protocol version {theirs}, this app speaks version {ours}. Update the app or the server.</source>
        <translation>Máy chủ dùng giao thức phiên bản {theirs}, ứng dụng này dùng phiên bản {ours}. Hãy cập nhật ứng dụng hoặc máy chủ.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the login could not be read.</source>
        <translation>Không đọc được phản hồi đăng nhập của máy chủ.</translation>
    </message>
    <message>
        <source>Could not connect to {where}: no server is listening there. Check the address and that the server is running.</source>
        <translation>Không kết nối được tới {where}: không có máy chủ nào đang chạy ở đó. Hãy kiểm tra địa chỉ và máy chủ đã chạy chưa.</translation>
    </message>
    <message>
        <source>The server name {host} could not be found. Check the address.</source>
        <translation>Không tìm thấy máy chủ có tên {host}. Hãy kiểm tra địa chỉ.</translation>
    </message>
    <message>
        <source>The server at {where} did not answer within {seconds} seconds.</source>
        <translation>Máy chủ tại {where} không trả lời trong {seconds} giây.</translation>
    </message>
    <message>
        <source>Could not reach the server at {where} ({reason}).</source>
        <translation>Không liên lạc được máy chủ tại {where} ({reason}).</translation>
    </message>
    <message>
        <source>You may not read this document.</source>
        <translation>Bạn không có quyền đọc tài liệu này.</translation>
    </message>
    <message>
        <source>This document no longer exists.</source>
        <translation>Tài liệu này không còn nữa.</translation>
    </message>
    <message>
        <source>The server refused the download (HTTP {status}).</source>
        <translation>Máy chủ từ chối tải xuống (HTTP {status}).</translation>
    </message>
    <message>
        <source>Only the chair and the secretaries may export the attendance list.</source>
        <translation>Chỉ chủ trì và thư ký được xuất danh sách điểm danh.</translation>
    </message>
    <message>
        <source>This meeting no longer exists.</source>
        <translation>Cuộc họp này không còn nữa.</translation>
    </message>
    <message>
        <source>The server refused the export (HTTP {status}).</source>
        <translation>Máy chủ từ chối xuất dữ liệu (HTTP {status}).</translation>
    </message>
    <message>
        <source>The minutes are not available yet (not published).</source>
        <translation>Biên bản chưa có (chưa công bố).</translation>
    </message>
    <message>
        <source>You may not read these minutes.</source>
        <translation>Bạn không có quyền đọc biên bản này.</translation>
    </message>
    <message>
        <source>The certificate presented by {host} is not valid for that name ({detail}). Check the server address: use the name the certificate was issued for.</source>
        <translation>Chứng chỉ của {host} không hợp lệ với tên này ({detail}). Hãy kiểm tra địa chỉ máy chủ: dùng đúng tên được cấp trong chứng chỉ.</translation>
    </message>
    <message>
        <source>The certificate presented by {host} has expired. Ask the administrator to renew it.</source>
        <translation>Chứng chỉ của {host} đã hết hạn. Hãy đề nghị quản trị viên gia hạn.</translation>
    </message>
    <message>
        <source>If your organisation uses its own certificate authority, start the app with --ca-file PEM or set {variable} to its certificate.</source>
        <translation>Nếu cơ quan bạn dùng tổ chức chứng thực riêng, hãy khởi động ứng dụng với --ca-file PEM hoặc đặt biến {variable} trỏ tới chứng chỉ của tổ chức đó.</translation>
    </message>
    <message>
        <source>It is not signed by the trusted authority in {path} either.</source>
        <translation>Chứng chỉ cũng không được ký bởi tổ chức chứng thực tin cậy trong {path}.</translation>
    </message>
    <message>
        <source>The certificate presented by {host} is not signed by an authority this computer trusts ({detail}). {advice}</source>
        <translation>Chứng chỉ của {host} không được ký bởi tổ chức chứng thực mà máy tính này tin cậy ({detail}). {advice}</translation>
    </message>
    <message>
        <source>The file is too large for the server.</source>
        <translation>Tệp quá lớn so với giới hạn của máy chủ.</translation>
    </message>
    <message>
        <source>The server does not take this kind of file.</source>
        <translation>Máy chủ không nhận loại tệp này.</translation>
    </message>
    <message>
        <source>The server could not use this file.</source>
        <translation>Máy chủ không sử dụng được tệp này.</translation>
    </message>
    <message>
        <source>You may not upload documents to this meeting.</source>
        <translation>Bạn không có quyền tải tài liệu lên cuộc họp này.</translation>
    </message>
    <message>
        <source>The upload failed (HTTP {status}).</source>
        <translation>Tải lên không thành công (HTTP {status}).</translation>
    </message>
</context>
<context>
    <name>password</name>
    <message>
        <source>A password has at least {n} characters.</source>
        <translation>Mật khẩu phải có ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The password must not be the username.</source>
        <translation>Mật khẩu không được trùng tên đăng nhập.</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Hai mật khẩu mới không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>quorum</name>
    <message>
        <source>More than half</source>
        <translation>Quá nửa</translation>
    </message>
    <message>
        <source>At least half</source>
        <translation>Ít nhất một nửa</translation>
    </message>
    <message>
        <source>Two thirds</source>
        <translation>Hai phần ba</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>Không yêu cầu túc số</translation>
    </message>
    <message>
        <source>More than half of the members must be present, in person or by proxy (quá nửa).</source>
        <translation>Quá nửa số thành viên phải có mặt, trực tiếp hoặc qua ủy quyền.</translation>
    </message>
    <message>
        <source>At least half of the members must be present, in person or by proxy (ít nhất một nửa).</source>
        <translation>Ít nhất một nửa số thành viên phải có mặt, trực tiếp hoặc qua ủy quyền.</translation>
    </message>
    <message>
        <source>At least two thirds of the members must be present, in person or by proxy (hai phần ba).</source>
        <translation>Ít nhất hai phần ba số thành viên phải có mặt, trực tiếp hoặc qua ủy quyền.</translation>
    </message>
    <message>
        <source>The meeting may decide however many members are present.</source>
        <translation>Cuộc họp được quyết định với bất kỳ số thành viên có mặt nào.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>By proxy</source>
        <translation>Ủy quyền</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng mặt</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Chưa rõ</translation>
    </message>
    <message>
        <source>Members: the chair and the delegates, who count for the quorum</source>
        <translation>Thành viên: chủ trì và các đại biểu, được tính vào túc số</translation>
    </message>
    <message>
        <source>Members present in person</source>
        <translation>Thành viên có mặt trực tiếp</translation>
    </message>
    <message>
        <source>Members absent but represented by a present proxy</source>
        <translation>Thành viên vắng mặt nhưng có người được ủy quyền có mặt</translation>
    </message>
    <message>
        <source>Members recorded absent (not represented)</source>
        <translation>Thành viên được ghi vắng mặt (không ủy quyền)</translation>
    </message>
    <message>
        <source>Members absent with leave (not represented)</source>
        <translation>Thành viên vắng mặt có lý do (không ủy quyền)</translation>
    </message>
    <message>
        <source>Members whose attendance is not recorded yet</source>
        <translation>Thành viên chưa được ghi nhận điểm danh</translation>
    </message>
</context>
<context>
    <name>sites</name>
    <message>
        <source>never seen</source>
        <translation>chưa từng kết nối</translation>
    </message>
    <message>
        <source>last seen {n} s ago</source>
        <translation>tín hiệu cuối {n} giây trước</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Người tổ chức</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Global roles</source>
        <translation>Vai trò hệ thống</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Đăng nhập gần nhất</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Đã vô hiệu hóa</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Phải đổi mật khẩu</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Chưa bao giờ</translation>
    </message>
</context>
<context>
    <name>votes</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Voting</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Passed when the first option gets more than half of the votes cast.</source>
        <translation>Thông qua khi phương án thứ nhất đạt quá nửa số phiếu đã bỏ.</translation>
    </message>
    <message>
        <source>More than half of the votes cast</source>
        <translation>Quá nửa số phiếu biểu quyết</translation>
    </message>
    <message>
        <source>More than half of all members</source>
        <translation>Quá nửa tổng số thành viên</translation>
    </message>
    <message>
        <source>More than half of the members present</source>
        <translation>Quá nửa số thành viên có mặt</translation>
    </message>
    <message>
        <source>Two thirds of all members</source>
        <translation>Hai phần ba tổng số thành viên</translation>
    </message>
    <message>
        <source>Passed when the first option gets more than half of the votes of all members, whether they voted or not (the rule of People&apos;s Councils and Committees).</source>
        <translation>Thông qua khi phương án thứ nhất được quá nửa tổng số thành viên tán thành, dù họ có biểu quyết hay không (quy định đối với Hội đồng nhân dân và Ủy ban nhân dân).</translation>
    </message>
    <message>
        <source>Passed when the first option gets more than half of the votes of the members present (in person or by proxy) when the vote closes.</source>
        <translation>Thông qua khi phương án thứ nhất được quá nửa số thành viên có mặt (trực tiếp hoặc ủy quyền) tại thời điểm kết thúc biểu quyết tán thành.</translation>
    </message>
    <message>
        <source>Passed when the first option gets at least two thirds of the votes of all members, whether they voted or not.</source>
        <translation>Thông qua khi phương án thứ nhất đạt ít nhất hai phần ba số phiếu của tổng số thành viên, dù có bỏ phiếu hay không.</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>THÔNG QUA</translation>
    </message>
    <message>
        <source>NOT PASSED</source>
        <translation>KHÔNG THÔNG QUA</translation>
    </message>
    <message>
        <source>more than half of the {cast} votes cast</source>
        <translation>quá nửa của {cast} phiếu đã bỏ</translation>
    </message>
    <message>
        <source>more than half of the {present} present</source>
        <translation>quá nửa trong số {present} thành viên có mặt</translation>
    </message>
    <message>
        <source>more than half of the {members} members</source>
        <translation>quá nửa của {members} thành viên</translation>
    </message>
    <message>
        <source>at least two thirds of the {members} members</source>
        <translation>ít nhất hai phần ba của {members} thành viên</translation>
    </message>
    <message>
        <source>“{option}” got {yes}; needed {needed} ({base}).</source>
        <translation>“{option}” đạt {yes}; cần {needed} ({base}).</translation>
    </message>
    <message>
        <source>The quorum was not reached.</source>
        <translation>Không đủ túc số.</translation>
    </message>
    <message>
        <source>1 ballot cast</source>
        <translation>đã bỏ 1 phiếu</translation>
    </message>
    <message>
        <source>{n} ballots cast</source>
        <translation>đã bỏ {n} phiếu</translation>
    </message>
    <message>
        <source>{n} of 1 ballot cast</source>
        <translation>Đã bỏ {n}/1 phiếu</translation>
    </message>
    <message>
        <source>{n} of {m} ballots cast</source>
        <translation>Đã bỏ {n}/{m} phiếu</translation>
    </message>
    <message>
        <source>Meeting quorum reached: {n} members present, {q} needed.</source>
        <translation>Cuộc họp đủ túc số: {n} thành viên có mặt, cần {q}.</translation>
    </message>
    <message>
        <source>Meeting quorum NOT reached: {n} members present, {q} needed.</source>
        <translation>Cuộc họp KHÔNG đủ túc số: {n} thành viên có mặt, cần {q}.</translation>
    </message>
    <message>
        <source>No minimum turnout: {cast}.</source>
        <translation>Không yêu cầu số phiếu tối thiểu: {cast}.</translation>
    </message>
    <message>
        <source>Quorum reached: {cast}, {q} needed.</source>
        <translation>Đủ túc số: {cast}, cần {q}.</translation>
    </message>
    <message>
        <source>Quorum NOT reached: {cast}, {q} needed.</source>
        <translation>KHÔNG đủ túc số: {cast}, cần {q}.</translation>
    </message>
    <message>
        <source>Choose one option.</source>
        <translation>Chọn một phương án.</translation>
    </message>
    <message>
        <source>Choose exactly {n} options.</source>
        <translation>Chọn đúng {n} phương án.</translation>
    </message>
    <message>
        <source>Choose from {low} to {high} options.</source>
        <translation>Chọn từ {low} đến {high} phương án.</translation>
    </message>
    <message>
        <source>Secret ballot: nobody can see what you chose.</source>
        <translation>Bỏ phiếu kín: không ai biết bạn đã chọn gì.</translation>
    </message>
    <message>
        <source>Named vote: the result shows who voted what.</source>
        <translation>Biểu quyết công khai: kết quả hiển thị ai biểu quyết thế nào.</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Đang kết thúc…</translation>
    </message>
    <message>
        <source>Closes in {d} days</source>
        <translation>Kết thúc sau {d} ngày</translation>
    </message>
    <message>
        <source>Closes in {t}</source>
        <translation>Kết thúc sau {t}</translation>
    </message>
    <message>
        <source>{name} (weight {weight})</source>
        <translation>{name} (trọng số {weight})</translation>
    </message>
    <message>
        <source>This secret vote is weighted, and its result will show how these members voted: no combination of the other members&apos; weights adds up like theirs. {who}. Consider an unweighted or a named vote.</source>
        <translation>Cuộc bỏ phiếu kín này có tính trọng số, và kết quả sẽ cho thấy các đại biểu sau đã chọn gì: không tổ hợp trọng số nào của các đại biểu khác cộng lại giống như của họ. {who}. Nên cân nhắc biểu quyết không tính trọng số hoặc biểu quyết công khai.</translation>
    </message>
    <message>
        <source>Ready to vote.</source>
        <translation>Sẵn sàng biểu quyết.</translation>
    </message>
    <message>
        <source>Not ready to vote:</source>
        <translation>Chưa sẵn sàng biểu quyết:</translation>
    </message>
    <message>
        <source>Members: {m}; may vote now: {e} ({o} online).</source>
        <translation>Thành viên: {m}; được biểu quyết lúc này: {e} ({o} trực tuyến).</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>đã đạt</translation>
    </message>
    <message>
        <source>NOT reached</source>
        <translation>CHƯA đạt</translation>
    </message>
    <message>
        <source>Meeting quorum: {counted} of {required} needed, {state}.</source>
        <translation>Túc số cuộc họp: {counted}/{required} cần thiết, {state}.</translation>
    </message>
</context>
</TS>
