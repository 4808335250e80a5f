"""The demo meeting's documents, as data: what ``seed-demo`` writes as PDFs and attaches.

Realistic Vietnamese administrative documents (a report with a table of contents and
tables, a draft plan, a digital transformation report, and a restricted staffing
proposal), laid out by ``server.documents.pdf`` in the bundled DejaVu fonts.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.documents.layout import Block, Document, Heading, Paragraph, Table

NATIONAL = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, centre=True),
            Paragraph("Độc lập - Tự do - Hạnh phúc", centre=True),
            Paragraph("Hà Nội, ngày 21 tháng 11 năm 2026", centre=True)]


@dataclass(frozen=True)
class DemoDocument:
    document: Document
    agenda_position: int
    """The agenda item (by position in server.demo.AGENDA) it is attached to."""
    readers: tuple[str, ...] | None = None
    """Usernames of a restricted document's readers (None: everyone)."""


def _report() -> Document:
    provinces = [["STT", "Đơn vị", "Thủ tục đã cắt giảm", "Tỷ lệ hồ sơ trực tuyến", "Xếp hạng"],
                 ["1", "Văn phòng Bộ", "12", "92,5%", "Tốt"],
                 ["2", "Vụ Tổ chức cán bộ", "8", "88,1%", "Tốt"],
                 ["3", "Cục Quản lý đầu tư", "15", "79,4%", "Khá"],
                 ["4", "Trung tâm Công nghệ thông tin", "6", "97,0%", "Xuất sắc"],
                 ["5", "Thanh tra Bộ", "3", "71,8%", "Khá"]]
    blocks: list[Block] = [
        *NATIONAL,
        Paragraph(""),
        Paragraph("BÁO CÁO", bold=True, centre=True),
        Paragraph("Tổng kết công tác cải cách hành chính năm 2026 và phương hướng, nhiệm vụ năm 2027",
                  bold=True, centre=True),
        Paragraph(""),
        Paragraph("Vụ Tổ chức cán bộ", centre=True),
        Heading("I. Kết quả thực hiện nhiệm vụ cải cách hành chính năm 2026", new_page=True),
        Heading("1. Công tác chỉ đạo, điều hành", level=2),
        Paragraph("Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ ban hành Chương trình tổng thể cải cách "
                  "hành chính nhà nước, Bộ đã ban hành Kế hoạch cải cách hành chính năm 2026, phân công "
                  "rõ trách nhiệm của từng cơ quan, đơn vị, gắn kết quả thực hiện với đánh giá, xếp loại "
                  "người đứng đầu. Công tác kiểm tra được tiến hành định kỳ hằng quý tại 100% đơn vị."),
        Heading("2. Cải cách thể chế", level=2),
        Paragraph("Trong năm, Bộ đã trình Chính phủ 04 nghị định, ban hành theo thẩm quyền 17 thông tư; rà "
                  "soát 312 văn bản quy phạm pháp luật, kiến nghị sửa đổi, bổ sung 41 văn bản không còn "
                  "phù hợp với thực tiễn, bảo đảm tính thống nhất, đồng bộ của hệ thống pháp luật."),
        Heading("3. Cải cách thủ tục hành chính", level=2),
        Paragraph("Đã cắt giảm, đơn giản hóa 44 thủ tục hành chính, chiếm 21,3% tổng số thủ tục thuộc phạm "
                  "vi quản lý; tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%; tỷ lệ hồ sơ nộp trực tuyến toàn "
                  "trình đạt 86,4%, vượt chỉ tiêu Chính phủ giao. Kết quả theo đơn vị như sau:"),
        Table(provinces, widths=[0.6, 3.2, 1.6, 1.8, 1.2]),
        Heading("4. Cải cách tổ chức bộ máy hành chính", level=2),
        Paragraph("Hoàn thành sắp xếp, kiện toàn cơ cấu tổ chức của 18 đơn vị thuộc Bộ theo hướng tinh "
                  "gọn, giảm 11 đầu mối cấp phòng; xây dựng và phê duyệt vị trí việc làm cho toàn bộ công "
                  "chức, viên chức; thực hiện tinh giản biên chế đạt 10,2% so với năm 2021."),
        Heading("5. Cải cách chế độ công vụ", level=2),
        Paragraph("Tổ chức thi tuyển cạnh tranh 12 vị trí lãnh đạo cấp phòng; đánh giá, xếp loại công chức "
                  "theo kết quả thực hiện nhiệm vụ được lượng hóa bằng sản phẩm cụ thể; 1.356 lượt cán bộ "
                  "được bồi dưỡng kiến thức, kỹ năng số và văn hóa công vụ."),
        Paragraph("Kỷ luật, kỷ cương hành chính được tăng cường; không có trường hợp cán bộ nhũng nhiễu, gây "
                  "phiền hà cho người dân, doanh nghiệp bị phản ánh qua đường dây nóng của Bộ."),
        Heading("6. Cải cách tài chính công", level=2),
        Paragraph("Giao quyền tự chủ tài chính cho 9 đơn vị sự nghiệp công lập, trong đó 4 đơn vị tự bảo đảm "
                  "chi thường xuyên và chi đầu tư; tỷ lệ giải ngân vốn đầu tư công đạt 96,8% kế hoạch; "
                  "thực hiện công khai ngân sách đầy đủ, đúng hạn trên Cổng thông tin điện tử của Bộ."),
        Heading("7. Xây dựng Chính phủ điện tử, Chính phủ số", level=2),
        Paragraph("Hệ thống quản lý văn bản và điều hành được kết nối liên thông bốn cấp chính quyền; 93,2% "
                  "hồ sơ công việc được xử lý trên môi trường mạng; các cuộc họp của Bộ với các điểm cầu "
                  "địa phương được tổ chức trực tuyến, sử dụng tài liệu điện tử thay cho tài liệu giấy."),
        Heading("II. Tồn tại, hạn chế và nguyên nhân", new_page=True),
        Paragraph("Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm; một số cơ sở dữ liệu "
                  "chuyên ngành chưa được kết nối, chia sẻ; chất lượng dịch vụ công trực tuyến ở một số "
                  "lĩnh vực chưa cao, người dân còn phải nộp bản giấy song song với bản điện tử."),
        Paragraph("Nguyên nhân chủ yếu là nguồn lực đầu tư cho hạ tầng công nghệ thông tin còn hạn chế; "
                  "đội ngũ cán bộ chuyên trách còn mỏng, kỹ năng số chưa đồng đều giữa các đơn vị."),
        Heading("III. Phương hướng, nhiệm vụ năm 2027"),
        Paragraph("1. Tiếp tục rà soát, cắt giảm tối thiểu 20% thủ tục hành chính và chi phí tuân thủ."),
        Paragraph("2. Hoàn thành số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực."),
        Paragraph("3. Nâng tỷ lệ hồ sơ trực tuyến toàn trình lên ít nhất 90%; đánh giá mức độ hài lòng "
                  "của người dân, doanh nghiệp đạt trên 95%."),
        Paragraph("4. Kiện toàn đội ngũ cán bộ làm công tác cải cách hành chính; tăng cường kỷ luật, kỷ "
                  "cương hành chính gắn với trách nhiệm người đứng đầu."),
        Heading("IV. Kiến nghị, đề xuất"),
        Paragraph("Đề nghị Văn phòng Chính phủ hướng dẫn thống nhất việc kết nối Cổng Dịch vụ công quốc gia "
                  "với hệ thống giải quyết thủ tục hành chính của Bộ; bố trí kinh phí cho các dự án chuyển "
                  "đổi số trọng điểm giai đoạn 2027 - 2030."),
        Heading("Phụ lục: Kết quả giải quyết thủ tục hành chính theo lĩnh vực", new_page=True),
        Table([["STT", "Lĩnh vực", "Hồ sơ tiếp nhận", "Đúng hạn", "Trực tuyến"],
               *([str(n + 1), field, f"{1200 + 137 * n:,}".replace(",", "."), f"{97 + (n % 3) * 0.6:.1f}%"
                  .replace(".", ","), f"{78 + (n * 7) % 20}%"] for n, field in enumerate(FIELDS))],
              widths=[0.6, 3.4, 1.4, 1.1, 1.1]),
        Paragraph("Nơi nhận: Văn phòng Chính phủ; Bộ Nội vụ; Lãnh đạo Bộ; các đơn vị thuộc Bộ; "
                  "lưu VT, TCCB."),
    ]
    return Document("Báo cáo tổng kết công tác cải cách hành chính năm 2026", blocks,
                    author="Vụ Tổ chức cán bộ", subject="Tài liệu hội nghị",
                    footer="Báo cáo tổng kết CCHC 2026", contents=True,
                    text_samples=["cải cách hành chính", "Tồn tại, hạn chế và nguyên nhân", "Xuất sắc",
                                  "MỤC LỤC", "Đăng ký kinh doanh"])


FIELDS = ["Đăng ký kinh doanh", "Đầu tư tại Việt Nam", "Đầu tư ra nước ngoài", "Đấu thầu",
          "Hỗ trợ doanh nghiệp nhỏ và vừa", "Kinh tế tập thể, hợp tác xã", "Thống kê", "Quy hoạch",
          "Vốn ODA và vốn vay ưu đãi", "Khu công nghiệp, khu kinh tế", "Đầu tư công", "Thanh tra",
          "Khiếu nại, tố cáo", "Thi đua, khen thưởng", "Tổ chức cán bộ", "Hợp tác quốc tế",
          "Công nghệ thông tin", "Văn thư, lưu trữ", "Tài chính, kế toán", "Pháp chế",
          "Phát triển doanh nghiệp", "Đổi mới sáng tạo", "Kinh tế số", "Xúc tiến đầu tư",
          "Đối tác công tư", "Giám sát đầu tư", "Quản lý nợ công", "Dự báo kinh tế"]


def _plan() -> Document:
    tasks = [["Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
             ["Rà soát, đơn giản hóa thủ tục hành chính nội bộ", "Văn phòng Bộ", "Quý II/2027"],
             ["Số hóa hồ sơ, kết quả giải quyết thủ tục", "Trung tâm Công nghệ thông tin", "Quý III/2027"],
             ["Đánh giá chỉ số hài lòng của người dân", "Vụ Tổ chức cán bộ", "Quý IV/2027"]]
    blocks: list[Block] = [
        *NATIONAL,
        Paragraph("DỰ THẢO", bold=True, centre=True),
        Paragraph("Kế hoạch cải cách hành chính năm 2027", bold=True, centre=True),
        Heading("I. Mục đích, yêu cầu"),
        Paragraph("Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính; lấy người dân, doanh "
                  "nghiệp làm trung tâm; gắn cải cách hành chính với chuyển đổi số và xây dựng Chính phủ "
                  "số."),
        Heading("II. Nhiệm vụ trọng tâm"),
        Table(tasks, widths=[3.4, 2.4, 1.2]),
        Heading("III. Tổ chức thực hiện"),
        Paragraph("Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Bộ trưởng về kết quả thực hiện; "
                  "định kỳ báo cáo hằng quý trước ngày 15 của tháng cuối quý về Vụ Tổ chức cán bộ."),
    ]
    return Document("Dự thảo Kế hoạch cải cách hành chính năm 2027", blocks, author="Vụ Tổ chức cán bộ",
                    subject="Dự thảo xin ý kiến", footer="Dự thảo Kế hoạch CCHC 2027",
                    text_samples=["Kế hoạch cải cách hành chính năm 2027", "Thủ trưởng các cơ quan"])


def _digital() -> Document:
    figures = [["Chỉ tiêu", "Kế hoạch", "Thực hiện"],
               ["Dịch vụ công trực tuyến toàn trình", "85%", "86,4%"],
               ["Hồ sơ công việc xử lý trên môi trường mạng", "90%", "93,2%"],
               ["Cơ sở dữ liệu chuyên ngành kết nối, chia sẻ", "8", "7"],
               ["Cán bộ được bồi dưỡng kỹ năng số", "1.200", "1.356"]]
    blocks: list[Block] = [
        *NATIONAL,
        Paragraph("BÁO CÁO", bold=True, centre=True),
        Paragraph("Kết quả chuyển đổi số và xây dựng Chính phủ điện tử năm 2026", bold=True, centre=True),
        Heading("I. Hạ tầng và nền tảng số"),
        Paragraph("Trung tâm dữ liệu của Bộ được nâng cấp, bảo đảm an toàn thông tin cấp độ 3; 100% đơn vị "
                  "kết nối mạng truyền số liệu chuyên dùng; hệ thống họp trực tuyến kết nối tới các điểm "
                  "cầu địa phương phục vụ thường xuyên công tác chỉ đạo, điều hành."),
        Heading("II. Kết quả theo chỉ tiêu"),
        Table(figures, widths=[3.6, 1.2, 1.2]),
        Heading("III. Nhiệm vụ năm 2027"),
        Paragraph("Hoàn thiện nền tảng tích hợp, chia sẻ dữ liệu của Bộ; triển khai trợ lý ảo hỗ trợ xử lý "
                  "văn bản; bảo đảm an toàn, an ninh mạng theo mô hình bốn lớp."),
    ]
    return Document("Báo cáo kết quả chuyển đổi số", blocks, author="Trung tâm Công nghệ thông tin",
                    subject="Tài liệu hội nghị", footer="Báo cáo chuyển đổi số 2026",
                    text_samples=["chuyển đổi số", "điểm cầu địa phương"])


def _staffing() -> Document:
    blocks: list[Block] = [
        Paragraph("MẬT", bold=True, centre=True),
        *NATIONAL,
        Paragraph("TỜ TRÌNH", bold=True, centre=True),
        Paragraph("Phương án kiện toàn nhân sự lãnh đạo các đơn vị thuộc Bộ", bold=True, centre=True),
        Heading("I. Căn cứ đề xuất"),
        Paragraph("Căn cứ Quy định về công tác cán bộ và yêu cầu kiện toàn tổ chức bộ máy sau sắp xếp, Vụ "
                  "Tổ chức cán bộ đề xuất phương án bố trí nhân sự lãnh đạo cấp vụ như sau."),
        Heading("II. Phương án đề xuất"),
        Table([["Chức danh", "Phương án 1", "Phương án 2"],
               ["Vụ trưởng Vụ Kế hoạch - Tài chính", "Điều động từ Văn phòng Bộ", "Bổ nhiệm tại chỗ"],
               ["Phó Chánh Văn phòng Bộ", "Luân chuyển từ Thanh tra Bộ", "Thi tuyển"]],
              widths=[2.6, 2.2, 1.6]),
        Paragraph("Tài liệu sử dụng trong phạm vi hội nghị; không sao chụp, không chuyển cho người không có "
                  "thẩm quyền.", bold=True),
    ]
    return Document("Tài liệu mật: phương án nhân sự", blocks, author="Vụ Tổ chức cán bộ",
                    subject="Tài liệu mật", footer="Tài liệu mật - không sao chụp",
                    text_samples=["Phương án kiện toàn nhân sự", "không sao chụp"])


def demo_documents() -> list[DemoDocument]:
    """The documents of the demo meeting, in upload order."""
    return [DemoDocument(_report(), 1), DemoDocument(_digital(), 2), DemoDocument(_plan(), 4),
            DemoDocument(_staffing(), 4, readers=("delegate1", "delegate2"))]
