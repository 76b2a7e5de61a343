// Messages of the signed result file (the electronic result, issue 15), reached as t('results.…').
// Vietnamese first; the English twin is typed by the Vietnamese object.
export const vi = {
  title: 'Kết quả điện tử có chữ ký số',
  lead: 'Trả kết quả trực tuyến cần tệp kết quả đã ký số của cơ quan. Tạo từ thông báo kết quả của hồ sơ, hoặc tải lên tệp PDF của cơ quan; máy chủ ký bằng khóa của cơ quan.',
  generate: 'Tạo và ký tệp kết quả',
  uploadLabel: 'Tệp PDF kết quả',
  upload: 'Tải lên và ký',
  signer: 'Người ký',
  signedAt: 'Thời điểm ký',
  hash: 'Mã băm SHA-256',
  download: 'Tải kết quả điện tử (PDF có chữ ký số)',
}

export const en: typeof vi = {
  title: 'Electronic result, digitally signed',
  lead: 'Returning the result online needs the result file signed by the agency. Generate it from the dossier’s result notice, or upload the agency’s PDF; the server signs it with the agency’s key.',
  generate: 'Generate and sign the result file',
  uploadLabel: 'Result PDF',
  upload: 'Upload and sign',
  signer: 'Signed by',
  signedAt: 'Signed at',
  hash: 'SHA-256 hash',
  download: 'Download the electronic result (signed PDF)',
}
