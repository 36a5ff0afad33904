<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
    <context>
        <name>AppActions</name>
        <message>
            <source>&amp;Preferences…</source>
            <translation>設定(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;About ConsultDesk</source>
            <translation>ConsultDesk について(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Back up to…</source>
            <translation>バックアップを保存(&amp;B)…</translation>
        </message>
        <message>
            <source>Save a copy of every response (for example on a USB stick)</source>
            <translation>すべての回答のコピーを保存します（USB メモリーなど）</translation>
        </message>
        <message>
            <source>Show the &amp;data folder</source>
            <translation>データフォルダーを開く(&amp;D)</translation>
        </message>
        <message>
            <source>Open the folder holding the database and its backups</source>
            <translation>データベースとバックアップが保存されているフォルダーを開きます</translation>
        </message>
        <message>
            <source>About ConsultDesk</source>
            <translation>ConsultDesk について</translation>
        </message>
        <message>
            <source>ConsultDesk %1

Answer questionnaires from international bodies, within every limit, and export them to Word.

Your drafts are kept in:
%2</source>
            <translation>ConsultDesk %1

国際機関からの質問票に、各設問の上限を守って回答し、Word 文書に書き出します。

下書きの保存先：
%2</translation>
        </message>
        <message>
            <source>Back up</source>
            <translation>バックアップ</translation>
        </message>
        <message>
            <source>ConsultDesk database (*.sqlite3)</source>
            <translation>ConsultDesk データベース (*.sqlite3)</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>%1 にバックアップしました</translation>
        </message>
    </context>
    <context>
        <name>BinDialog</name>
        <message>
            <source>Bin</source>
            <translation>ごみ箱</translation>
        </message>
        <message>
            <source>Deleted responses stay here until you delete them for good.</source>
            <translation>削除した回答は、完全に削除するまでここに残ります。</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>件名</translation>
        </message>
        <message>
            <source>Questionnaire</source>
            <translation>質問票</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>削除日時</translation>
        </message>
        <message>
            <source>The bin is empty.</source>
            <translation>ごみ箱は空です。</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>元に戻す(&amp;R)</translation>
        </message>
        <message>
            <source>Delete for &amp;good…</source>
            <translation>完全に削除(&amp;G)…</translation>
        </message>
        <message>
            <source>Delete for good</source>
            <translation>完全に削除</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n response(s) for good? This cannot be undone.</source>
            <translation>
                <numerusform>%n 件の回答を完全に削除しますか？この操作は元に戻せません。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChoiceWidget</name>
        <message>
            <source>C&amp;lear answer</source>
            <extracomment>the new value: an option id, a list of ids, or None when cleared</extracomment>
            <translation>回答を消去(&amp;L)</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>はい</translation>
        </message>
        <message>
            <source>No</source>
            <translation>いいえ</translation>
        </message>
        <message>
            <source>Choose between {low} and {high}.</source>
            <translation>{low}～{high} 個選択してください。</translation>
        </message>
        <message>
            <source>Choose at most {high}.</source>
            <translation>{high} 個まで選択できます。</translation>
        </message>
        <message>
            <source>Choose at least {low}.</source>
            <translation>{low} 個以上選択してください。</translation>
        </message>
    </context>
    <context>
        <name>CounterWidget</name>
        <message>
            <source>Show the excess</source>
            <extracomment>the user asked to see the text beyond the limit</extracomment>
            <translation>超過部分を表示</translation>
        </message>
        <message>
            <source>Put the cursor where the text passes the limit</source>
            <translation>上限を超える位置にカーソルを移動します</translation>
        </message>
        <message>
            <source>Length of the answer</source>
            <translation>回答の長さ</translation>
        </message>
        <message>
            <source>Counted as the portal counts the text you paste: each line break is 2 characters and list markers count as typed.</source>
            <translation>貼り付けるテキストをポータルと同じ方法で数えます。改行は 2 文字、箇条書きの記号は入力どおりに数えます。</translation>
        </message>
        <message>
            <source>Counted as Word counts: list numbers and bullets are not counted, a line break is one character, dashes separate words. LibreOffice's word count also counts list numbers and bullets.</source>
            <translation>Word と同じ方法で数えます。箇条書きの番号と記号は数えず、改行は 1 文字、ダッシュは語の区切りです。LibreOffice の文字カウントでは箇条書きの番号と記号も数えられます。</translation>
        </message>
        <message>
            <source>characters (with spaces)</source>
            <translation>文字（スペースを含む）</translation>
        </message>
        <message>
            <source>characters (no spaces)</source>
            <translation>文字（スペースを含まない）</translation>
        </message>
        <message>
            <source>words</source>
            <translation>語</translation>
        </message>
        <message>
            <source>{value} {unit}</source>
            <translation>{value} {unit}</translation>
        </message>
        <message>
            <source>{value} / {limit} {unit}</source>
            <translation>{value} / {limit} {unit}</translation>
        </message>
        <message>
            <source>as the portal counts</source>
            <translation>ポータル基準</translation>
        </message>
        <message>
            <source>{excess} over</source>
            <translation>{excess} 超過</translation>
        </message>
    </context>
    <context>
        <name>DetailsDialog</name>
        <message>
            <source>Response details</source>
            <translation>回答の詳細</translation>
        </message>
        <message>
            <source>Deadline:</source>
            <translation>締切：</translation>
        </message>
        <message>
            <source>Questionnaire:</source>
            <translation>質問票：</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>件名(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Status:</source>
            <translation>状況(&amp;S)：</translation>
        </message>
    </context>
    <context>
        <name>EmptyState</name>
        <message>
            <source>Welcome to ConsultDesk</source>
            <extracomment>The bundled questionnaire a first-time user is invited to answer.</extracomment>
            <translation>ConsultDesk へようこそ</translation>
        </message>
        <message>
            <source>Draft your answers to questionnaires from international bodies, see every limit as you type, and export a Word document ready to submit. Your drafts stay on this computer.</source>
            <translation>国際機関からの質問票への回答を作成できます。入力中も各設問の上限を確認でき、そのまま提出できる Word 文書に書き出せます。下書きはこのコンピューターに保存されます。</translation>
        </message>
        <message>
            <source>Start a response to this consultation</source>
            <translation>この意見照会への回答を作成</translation>
        </message>
        <message>
            <source>Another questionnaire…</source>
            <translation>別の質問票…</translation>
        </message>
        <message>
            <source>Import a questionnaire file…</source>
            <translation>質問票ファイルを取り込む…</translation>
        </message>
        <message>
            <source>Start with a questionnaire you have installed.</source>
            <translation>登録済みの質問票から回答を作成してください。</translation>
        </message>
        <message>
            <source>To begin, answer the bundled consultation:</source>
            <translation>まずは、同梱の意見照会に回答してみましょう：</translation>
        </message>
    </context>
    <context>
        <name>ExportOptionsDialog</name>
        <message>
            <source>Export blank questionnaire</source>
            <translation>空欄の質問票を書き出す</translation>
        </message>
        <message>
            <source>Export to Word</source>
            <translation>Word に書き出す</translation>
        </message>
        <message>
            <source>Word template</source>
            <translation>Word テンプレート</translation>
        </message>
        <message>
            <source>Word &amp;template:</source>
            <translation>Word テンプレート(&amp;T)：</translation>
        </message>
        <message>
            <source>A .docx or .dotx with your letterhead: its styles, headers and footers are used.</source>
            <translation>レターヘッド入りの .docx または .dotx ファイル。そのスタイル、ヘッダー、フッターが使われます。</translation>
        </message>
        <message>
            <source>&amp;Leave them out</source>
            <translation>書き出さない(&amp;L)</translation>
        </message>
        <message>
            <source>Write “&amp;No response”</source>
            <translation>「回答なし」と記載する(&amp;N)</translation>
        </message>
        <message>
            <source>Unanswered questions:</source>
            <translation>未回答の設問：</translation>
        </message>
        <message>
            <source>Only the c&amp;hosen ones</source>
            <translation>選択したもののみ(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;All, with ☒ and ☐</source>
            <translation>すべて（☒ と ☐ で表示）(&amp;A)</translation>
        </message>
        <message>
            <source>Choices:</source>
            <translation>選択肢：</translation>
        </message>
        <message>
            <source>One &amp;entry after another</source>
            <translation>項目を順に並べる(&amp;E)</translation>
        </message>
        <message>
            <source>A ta&amp;ble, one row per entry</source>
            <translation>表にする（1 項目 1 行）(&amp;B)</translation>
        </message>
        <message>
            <source>Repeating blocks:</source>
            <translation>繰り返し項目：</translation>
        </message>
        <message>
            <source>Add an anne&amp;x with the length of each answer</source>
            <translation>各回答の文字数を示す別添を付ける(&amp;X)</translation>
        </message>
        <message>
            <source>&amp;Continue…</source>
            <translation>続行(&amp;C)…</translation>
        </message>
        <message>
            <source>Default layout</source>
            <translation>標準のレイアウト</translation>
        </message>
        <message>
            <source>Choose a .docx or .dotx file…</source>
            <translation>.docx または .dotx ファイルを選択…</translation>
        </message>
        <message>
            <source>Choose a Word template</source>
            <translation>Word テンプレートの選択</translation>
        </message>
        <message>
            <source>Word documents and templates (*.docx *.dotx)</source>
            <translation>Word 文書とテンプレート (*.docx *.dotx)</translation>
        </message>
        <message>
            <source>The questions without any answer, to circulate to colleagues or other ministries for their input.</source>
            <translation>回答を含まない設問のみの文書です。関係課室や他省庁への照会に使えます。</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>書き出し</translation>
        </message>
        <message>
            <source>Add each contributor's &amp;tag after its paragraphs, e.g. (NPA)</source>
            <translation>協力機関の略称を各段落の後に付ける(&amp;T)（例：（NPA））</translation>
        </message>
        <message>
            <source>Add an annex listing the c&amp;ontributors</source>
            <translation>協力機関の一覧を付録に付ける(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in all answers</source>
            <extracomment>question id, the text searched, which occurrence in that answer</extracomment>
            <translation>すべての回答を検索</translation>
        </message>
        <message>
            <source>Close find</source>
            <translation>検索を閉じる</translation>
        </message>
        <message>
            <source>Places found</source>
            <translation>検索結果</translation>
        </message>
        <message>
            <source>Question {number}</source>
            <translation>問 {number}</translation>
        </message>
        <message>
            <source>{n} found</source>
            <translation>{n} 件</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>History — {title}</source>
            <extracomment>Unchanged words kept on each side of a change; longer unchanged stretches are elided.</extracomment>
            <translation>履歴 — {title}</translation>
        </message>
        <message>
            <source>Revisions</source>
            <translation>保存された版</translation>
        </message>
        <message>
            <source>Changes from this revision to now</source>
            <translation>この版から現在までの変更</translation>
        </message>
        <message>
            <source>Struck through: in the revision, not in the answer now. Highlighted: added since.</source>
            <translation>取り消し線：この版にあり、現在の回答にない部分。強調表示：その後に追加された部分。</translation>
        </message>
        <message>
            <source>&amp;Restore this revision</source>
            <translation>この版に戻す(&amp;R)</translation>
        </message>
        <message>
            <source>No revisions kept yet. One is kept when you pause typing, press Ctrl+S, or mark the answer done.</source>
            <translation>保存された版はまだありません。入力を止めたとき、Ctrl+S を押したとき、回答を完了にしたときに版が保存されます。</translation>
        </message>
        <message>
            <source>kept with Ctrl+S</source>
            <translation>Ctrl+S で保存</translation>
        </message>
        <message>
            <source>typing paused</source>
            <translation>入力が止まったとき</translation>
        </message>
        <message>
            <source>moved to another question</source>
            <translation>別の設問へ移動したとき</translation>
        </message>
        <message>
            <source>marked done</source>
            <translation>完了にしたとき</translation>
        </message>
        <message>
            <source>window closed</source>
            <translation>ウィンドウを閉じたとき</translation>
        </message>
        <message>
            <source>before restoring an earlier revision</source>
            <translation>以前の版に戻す前</translation>
        </message>
        <message>
            <source>before an import</source>
            <translation>取り込み前</translation>
        </message>
        <message>
            <source>before deleting</source>
            <translation>削除前</translation>
        </message>
        <message>
            <source>before removing an entry</source>
            <translation>項目の削除前</translation>
        </message>
        <message>
            <source>Written by {author}</source>
            <translation>作成者：{author}</translation>
        </message>
        <message>
            <source>not saved: changed elsewhere meanwhile</source>
            <translation>保存されず：その間に別の場所で変更されたため</translation>
        </message>
        <message>
            <source>before another writer replaced it</source>
            <translation>別の書き手が置き換える前</translation>
        </message>
        <message>
            <source>before a command-line change</source>
            <translation>コマンドラインで変更する前</translation>
        </message>
        <message>
            <source>before merging a contribution</source>
            <translation>提供原稿を取り込む前</translation>
        </message>
        <message>
            <source>before keeping my version</source>
            <translation>自分の版を残す前</translation>
        </message>
        <message>
            <source>before using last time's answer</source>
            <translation>前回の回答を使う前</translation>
        </message>
        <message>
            <source>typed while offline</source>
            <translation>オフライン中に入力</translation>
        </message>
        <message>
            <source>before an edit typed offline was sent</source>
            <translation>オフライン中の入力を送信する前</translation>
        </message>
        <message>
            <source>before merging by hand</source>
            <translation>手作業で統合する前</translation>
        </message>
        <message>
            <source>(empty answer)</source>
            <translation>（空の回答）</translation>
        </message>
        <message>
            <source>before being overwritten</source>
            <translation>上書きされる前</translation>
        </message>
    </context>
    <context>
        <name>ImportReview</name>
        <message>
            <source>Import questionnaire</source>
            <translation>質問票の取り込み</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>件名</translation>
        </message>
        <message>
            <source>Section heading</source>
            <translation>章見出し</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Instruction</source>
            <translation>記入上の注意</translation>
        </message>
        <message>
            <source>Respondent field</source>
            <translation>回答者情報の項目</translation>
        </message>
        <message>
            <source>Choices</source>
            <translation>選択肢</translation>
        </message>
        <message>
            <source>Ignored</source>
            <translation>対象外</translation>
        </message>
        <message>
            <source>chars</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>chars w/o spaces</source>
            <translation>文字（スペース除く）</translation>
        </message>
        <message>
            <source>words</source>
            <translation>語</translation>
        </message>
    </context>
    <context>
        <name>ImportReviewDialog</name>
        <message>
            <source>Import questionnaire – %1</source>
            <translation>質問票の取り込み – %1</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>上限</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>件名(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Id:</source>
            <translation>ID(&amp;I)：</translation>
        </message>
        <message>
            <source>For every question without its own limit:</source>
            <translation>個別の上限がないすべての設問：</translation>
        </message>
        <message>
            <source>Own limit</source>
            <translation>個別の上限</translation>
        </message>
        <message>
            <source>&amp;Merge with next line</source>
            <translation>次の行と結合(&amp;M)</translation>
        </message>
        <message>
            <source>S&amp;plit at cursor</source>
            <translation>カーソル位置で分割(&amp;P)</translation>
        </message>
        <message>
            <source>Selected line</source>
            <translation>選択した行</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>種別(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Wording:</source>
            <translation>文言(&amp;W)：</translation>
        </message>
        <message>
            <source>Limit:</source>
            <translation>上限：</translation>
        </message>
        <message>
            <source>Detected structure</source>
            <translation>検出された構成</translation>
        </message>
        <message>
            <source>Source document</source>
            <translation>元の文書</translation>
        </message>
        <message>
            <source>&amp;Save definition as…</source>
            <translation>定義ファイルとして保存(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Install</source>
            <translation>登録(&amp;I)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <source>Split line</source>
            <translation>行の分割</translation>
        </message>
        <message>
            <source>Place the cursor inside the wording where the second line should begin.</source>
            <translation>2 行目を始めたい位置の文言内にカーソルを置いてください。</translation>
        </message>
        <message>
            <source>Questions: %1 (%2 with a limit) · Respondent fields: %3 · Sections: %4</source>
            <translation>設問：%1（うち上限あり %2）· 回答者情報：%3 · 章：%4</translation>
        </message>
        <message>
            <source>Save questionnaire definition</source>
            <translation>質問票定義の保存</translation>
        </message>
        <message>
            <source>Questionnaire definitions (*.toml)</source>
            <translation>質問票定義 (*.toml)</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>%1 を保存できませんでした：%2</translation>
        </message>
        <message>
            <source>Discard corrections</source>
            <translation>修正の破棄</translation>
        </message>
        <message>
            <source>Discard the corrections you made to this import?</source>
            <translation>この取り込みで行った修正を破棄しますか？</translation>
        </message>
        <message>
            <source>Install questionnaire</source>
            <translation>質問票の登録</translation>
        </message>
    </context>
    <context>
        <name>Library</name>
        <message>
            <source>Draft</source>
            <translation>作成中</translation>
        </message>
        <message>
            <source>In review</source>
            <translation>確認中</translation>
        </message>
        <message>
            <source>Final</source>
            <translation>確定</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>提出済み</translation>
        </message>
        <message>
            <source>d MMM yyyy</source>
            <translation>yyyy年M月d日</translation>
        </message>
        <message>
            <source>due today</source>
            <translation>本日締切</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>締切を %n 日超過</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) left</source>
            <translation>
                <numerusform>残り %n 日</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 answered</source>
            <translation>%2 問中 %1 問回答</translation>
        </message>
        <message numerus="yes">
            <source>, %n over the limit</source>
            <translation>
                <numerusform>、%n 問が上限超過</numerusform>
            </translation>
        </message>
        <message>
            <source>Today %1</source>
            <translation>今日 %1</translation>
        </message>
        <message>
            <source>Yesterday %1</source>
            <translation>昨日 %1</translation>
        </message>
        <message>
            <source>Import questionnaire</source>
            <translation>質問票の取り込み</translation>
        </message>
        <message>
            <source>This build of ConsultDesk can only install questionnaire definition files (.toml).</source>
            <translation>この版の ConsultDesk で取り込めるのは質問票定義ファイル（.toml）のみです。</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1（コピー）</translation>
        </message>
        <message>
            <source>(title unreadable)</source>
            <translation>（件名を読み取れません）</translation>
        </message>
    </context>
    <context>
        <name>LibraryWindow</name>
        <message>
            <source>Opening…</source>
            <translation>開いています…</translation>
        </message>
        <message>
            <source>ConsultDesk — Library</source>
            <translation>ConsultDesk — 回答一覧</translation>
        </message>
        <message>
            <source>Responses</source>
            <translation>回答</translation>
        </message>
        <message>
            <source>&amp;New response…</source>
            <translation>新しい回答(&amp;N)…</translation>
        </message>
        <message>
            <source>Start a response to an installed questionnaire</source>
            <translation>登録済みの質問票への回答を作成します</translation>
        </message>
        <message>
            <source>&amp;Import questionnaire…</source>
            <translation>質問票の取り込み(&amp;I)…</translation>
        </message>
        <message>
            <source>Install a questionnaire from a file</source>
            <translation>ファイルから質問票を登録します</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>開く(&amp;O)</translation>
        </message>
        <message>
            <source>Open the selected response</source>
            <translation>選択した回答を開きます</translation>
        </message>
        <message>
            <source>&amp;Duplicate…</source>
            <translation>複製(&amp;D)…</translation>
        </message>
        <message>
            <source>Start a new response from the selected one's answers</source>
            <translation>選択した回答の内容をもとに新しい回答を作成します</translation>
        </message>
        <message>
            <source>De&amp;tails…</source>
            <translation>詳細(&amp;T)…</translation>
        </message>
        <message>
            <source>Change the title, status or deadline of the selected response</source>
            <translation>選択した回答の件名・状況・締切を変更します</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>Move the selected responses to the bin</source>
            <translation>選択した回答をごみ箱に移します</translation>
        </message>
        <message>
            <source>&amp;Undo delete</source>
            <translation>削除を取り消す(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Bin…</source>
            <translation>ごみ箱(&amp;B)…</translation>
        </message>
        <message>
            <source>Restore deleted responses</source>
            <translation>削除した回答を元に戻します</translation>
        </message>
        <message>
            <source>&amp;Filter</source>
            <translation>絞り込み(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>回答一覧</translation>
        </message>
        <message>
            <source>Filter responses</source>
            <translation>回答を絞り込む</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message numerus="yes">
            <source>%n response(s)</source>
            <translation>
                <numerusform>回答 %n 件</numerusform>
            </translation>
        </message>
        <message>
            <source>Bin (%1)</source>
            <translation>ごみ箱 (%1)</translation>
        </message>
        <message>
            <source>Bin</source>
            <translation>ごみ箱</translation>
        </message>
        <message>
            <source>New response</source>
            <translation>新しい回答</translation>
        </message>
        <message>
            <source>Import questionnaire</source>
            <translation>質問票の取り込み</translation>
        </message>
        <message>
            <source>Questionnaires (*.docx *.toml);;All files (*)</source>
            <translation>質問票 (*.docx *.toml);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>Installed “%1”.</source>
            <translation>「%1」を登録しました。</translation>
        </message>
        <message>
            <source>Response details</source>
            <translation>回答の詳細</translation>
        </message>
        <message>
            <source>Duplicate response</source>
            <translation>回答の複製</translation>
        </message>
        <message>
            <source>Title of the new response (the answers are copied):</source>
            <translation>新しい回答の件名（回答内容は複製されます）：</translation>
        </message>
        <message>
            <source>Duplicated as “%1”.</source>
            <translation>「%1」として複製しました。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>削除</translation>
        </message>
        <message numerus="yes">
            <source>Moved %n response(s) to the bin.</source>
            <translation>
                <numerusform>%n 件の回答をごみ箱に移しました。</numerusform>
            </translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>削除の取り消し</translation>
        </message>
        <message>
            <source>&amp;Search all responses…</source>
            <translation>ライブラリ全体を検索(&amp;S)…</translation>
        </message>
        <message>
            <source>Find text in every answer of every response</source>
            <translation>すべての回答の中から文字列を探します</translation>
        </message>
        <message>
            <source>Import a completed &amp;response…</source>
            <translation>記入済みの回答を取り込む(&amp;R)…</translation>
        </message>
        <message>
            <source>Start from a response already written in Word (last cycle's submission)</source>
            <translation>Word で作成済みの回答（前回の提出分）から始めます</translation>
        </message>
        <message>
            <source>Import a completed response</source>
            <translation>記入済みの回答を取り込む</translation>
        </message>
        <message>
            <source>Word documents (*.docx);;All files (*)</source>
            <translation>Word 文書 (*.docx);;すべてのファイル (*)</translation>
        </message>
    </context>
    <context>
        <name>LimitEditor</name>
        <message>
            <source>characters (with spaces)</source>
            <translation>文字（スペースを含む）</translation>
        </message>
        <message>
            <source>characters (without spaces)</source>
            <translation>文字（スペースを含まない）</translation>
        </message>
        <message>
            <source>words</source>
            <translation>語</translation>
        </message>
        <message>
            <source>approximately</source>
            <translation>約</translation>
        </message>
    </context>
    <context>
        <name>LineList</name>
        <message>
            <source>Role</source>
            <translation>種別</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>番号</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>本文</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>上限</translation>
        </message>
        <message>
            <source>%1 (for all)</source>
            <translation>%1（全体）</translation>
        </message>
    </context>
    <context>
        <name>Navigator</name>
        <message>
            <source>%1 is editing this question</source>
            <translation>%1 さんがこの設問を編集中</translation>
        </message>
        <message>
            <source>%1 are editing this question</source>
            <translation>%1 さんがこの設問を編集中</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <extracomment>The navigator key of the respondent details page. the selected key: a question id or RESPONDENT_KEY</extracomment>
            <translation>全体の進捗</translation>
        </message>
        <message>
            <source>All questions</source>
            <translation>すべての設問</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>未完了</translation>
        </message>
        <message>
            <source>Over the limit</source>
            <translation>上限超過</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>表示</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>表示(&amp;S)：</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Respondent details</source>
            <translation>回答者情報</translation>
        </message>
        <message numerus="yes">
            <source>%n entry(s)</source>
            <translation>
                <numerusform>%n 件</numerusform>
            </translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>未着手</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>作成中</translation>
        </message>
        <message>
            <source>Near the limit</source>
            <translation>上限間近</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>{answered} of {total} answered</source>
            <translation>{total} 問中 {answered} 問回答</translation>
        </message>
        <message>
            <source>{over} over the limit</source>
            <translation>{over} 問が上限超過</translation>
        </message>
    </context>
    <context>
        <name>NewResponseDialog</name>
        <message>
            <source>New response</source>
            <translation>新しい回答</translation>
        </message>
        <message>
            <source>Which questionnaire are you answering?</source>
            <translation>どの質問票に回答しますか？</translation>
        </message>
        <message>
            <source>Deadline:</source>
            <translation>締切：</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>件名(&amp;T)：</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>作成</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s)</source>
            <translation>
                <numerusform>設問 %n 問</numerusform>
            </translation>
        </message>
        <message>
            <source>version %1</source>
            <translation>第 %1 版</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Your preferences apply until ConsultDesk is closed, but they could not be saved for the next time.</source>
            <translation>設定は ConsultDesk を閉じるまで有効ですが、次回のために保存できませんでした。</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>システムの設定に従う</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>ライト</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>ダーク</translation>
        </message>
        <message>
            <source>e.g. Human Rights Division</source>
            <translation>例：人権人道課</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>参照(&amp;B)…</translation>
        </message>
        <message>
            <source>General</source>
            <translation>全般</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>言語(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Appearance:</source>
            <translation>外観(&amp;A)：</translation>
        </message>
        <message>
            <source>A new language applies the next time ConsultDesk starts.</source>
            <translation>言語の変更は、次に ConsultDesk を起動したときに反映されます。</translation>
        </message>
        <message>
            <source>Answers</source>
            <translation>回答</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>氏名(&amp;N)：</translation>
        </message>
        <message>
            <source>e.g. Hanako Sato</source>
            <translation>例：佐藤 花子</translation>
        </message>
        <message>
            <source>&amp;Contributor tag:</source>
            <translation>担当者タグ(&amp;C)：</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>書き出し</translation>
        </message>
        <message>
            <source>Word documents &amp;go to:</source>
            <translation>Word 文書の保存先(&amp;G)：</translation>
        </message>
        <message>
            <source>Folder for exported documents</source>
            <translation>書き出した文書の保存先フォルダー</translation>
        </message>
        <message>
            <source>Exported documents &amp;go to:</source>
            <translation>書き出し先(&amp;G):</translation>
        </message>
    </context>
    <context>
        <name>PreflightDialog</name>
        <message>
            <source>Before exporting</source>
            <extracomment>the chosen problem's question id or respondent field id (None: no jump)</extracomment>
            <translation>書き出しの前に</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found. Double-click one (or press Enter) to go to it, or export anyway.</source>
            <translation>
                <numerusform>%n 件の問題が見つかりました。ダブルクリック（または Enter キー）で該当箇所に移動するか、このまま書き出してください。</numerusform>
            </translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>問題</translation>
        </message>
        <message>
            <source>&amp;Export anyway…</source>
            <translation>このまま書き出す(&amp;E)…</translation>
        </message>
        <message>
            <source>characters with spaces</source>
            <translation>文字（スペースを含む）</translation>
        </message>
        <message>
            <source>characters without spaces</source>
            <translation>文字（スペースを含まない）</translation>
        </message>
        <message>
            <source>Maximum limit: approximately {amount} {unit}</source>
            <translation>上限：約 {amount} {unit}</translation>
        </message>
        <message>
            <source>Maximum limit: {amount} {unit}</source>
            <translation>上限：{amount} {unit}</translation>
        </message>
        <message>
            <source>words</source>
            <translation>語</translation>
        </message>
        <message>
            <source>Question {number}</source>
            <translation>問 {number}</translation>
        </message>
        <message>
            <source>A question</source>
            <translation>ある設問</translation>
        </message>
        <message>
            <source>“{field}” is empty</source>
            <translation>「{field}」が未入力です</translation>
        </message>
        <message>
            <source>{question} is required</source>
            <translation>{question} は回答必須です</translation>
        </message>
        <message>
            <source>{question}: choose at least {bound}</source>
            <translation>{question}：{bound} 個以上選択してください</translation>
        </message>
        <message>
            <source>{question}: choose at most {bound}</source>
            <translation>{question}：{bound} 個まで選択できます</translation>
        </message>
        <message>
            <source>{budget}: {count} / {limit} {unit} ({excess} over)</source>
            <translation>{budget}：{count} / {limit} {unit}（{excess} 超過）</translation>
        </message>
        <message>
            <source>{question} refers to a question this questionnaire does not have (“{text}”, id {target})</source>
            <translation>{question} が、この質問票にない設問（「{text}」、ID {target}）を参照しています</translation>
        </message>
        <message>
            <source>{question} refers to question {number}, which is not answered</source>
            <translation>{question} が参照している問 {number} は未回答です</translation>
        </message>
        <message>
            <source>{question} refers to “{text}”, which is not answered</source>
            <translation>{question} が参照している「{text}」は未回答です</translation>
        </message>
        <message>
            <source>{question}: {count} / {limit} {unit} ({excess} over)</source>
            <translation>{question}：{count} / {limit} {unit}（{excess} 超過）</translation>
        </message>
    </context>
    <context>
        <name>QuestionPanel</name>
        <message>
            <source>Question</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>上限</translation>
        </message>
        <message>
            <source>Shared limit</source>
            <translation>共通の上限</translation>
        </message>
        <message>
            <source>&amp;Done</source>
            <translation>完了(&amp;D)</translation>
        </message>
        <message>
            <source>Mark this question done (Ctrl+D)</source>
            <translation>この設問を完了にします (Ctrl+D)</translation>
        </message>
        <message>
            <source>&amp;History…</source>
            <translation>履歴(&amp;H)…</translation>
        </message>
        <message>
            <source>Earlier versions of this answer</source>
            <translation>この回答の以前の版</translation>
        </message>
        <message>
            <source>{limit} — {used} used so far</source>
            <translation>{limit} — 現在 {used} 使用</translation>
        </message>
        <message>
            <source>{excess} over</source>
            <translation>{excess} 超過</translation>
        </message>
        <message>
            <source>Compare with &amp;last time</source>
            <translation>前回と比較(&amp;L)</translation>
        </message>
        <message>
            <source>Show the answer of the response this one was started from, with what changed</source>
            <translation>この回答の元になった回答と、その後の変更点を表示します</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>ConsultDesk — the database cannot be opened</source>
            <translation>ConsultDesk — データベースを開けません</translation>
        </message>
        <message>
            <source>ConsultDesk cannot open your database.</source>
            <translation>ConsultDesk はデータベースを開けません。</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>ファイル：%1</translation>
        </message>
        <message>
            <source>There is no backup of this database.</source>
            <translation>このデータベースのバックアップはありません。</translation>
        </message>
        <message>
            <source>Either choice keeps the damaged file: it is renamed next to the new one, so nothing is lost.</source>
            <translation>どちらを選んでも、破損したファイルは名前を変えて同じフォルダーに残るため、データは失われません。</translation>
        </message>
        <message>
            <source>&amp;Restore from this backup</source>
            <translation>このバックアップから復元(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Move it aside and start afresh</source>
            <translation>退避して新しく始める(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>The database cannot be opened</source>
            <translation>データベースを開けません</translation>
        </message>
    </context>
    <context>
        <name>RepeatingBlock</name>
        <message>
            <source>&amp;Add {entry}</source>
            <extracomment>the whole list of entries after any change emitted before an entry is removed, so a revision can keep it</extracomment>
            <translation>{entry}を追加(&amp;A)</translation>
        </message>
        <message>
            <source>No entries yet. Add the first with the button below.</source>
            <translation>まだ項目がありません。下のボタンで最初の項目を追加してください。</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>上へ</translation>
        </message>
        <message>
            <source>Move {entry} up</source>
            <translation>{entry}を上へ移動</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下へ</translation>
        </message>
        <message>
            <source>Move {entry} down</source>
            <translation>{entry}を下へ移動</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Remove {entry}</source>
            <translation>{entry}を削除</translation>
        </message>
    </context>
    <context>
        <name>RespondentForm</name>
        <message>
            <source>Required</source>
            <extracomment>field id, new value</extracomment>
            <translation>必須</translation>
        </message>
        <message>
            <source>* required</source>
            <translation>* 必須</translation>
        </message>
    </context>
    <context>
        <name>ResponseWindow</name>
        <message>
            <source>&amp;Insert</source>
            <translation>挿入(&amp;I)</translation>
        </message>
        <message>
            <source>Kept on this computer</source>
            <translation>このコンピューターに保存済み</translation>
        </message>
        <message>
            <source>{title} — ConsultDesk</source>
            <extracomment>the response id, each time autosave has written everything (lists can refresh)</extracomment>
            <translation>{title} — ConsultDesk</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>保存しました</translation>
        </message>
        <message>
            <source>Save status</source>
            <translation>保存状況</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Keep a revision</source>
            <translation>版を保存(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Export to Word…</source>
            <translation>Word に書き出す(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>閉じる(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Find in all answers…</source>
            <translation>すべての回答を検索(&amp;F)…</translation>
        </message>
        <message>
            <source>F&amp;ormat</source>
            <translation>書式(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>移動(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Next question</source>
            <translation>次の設問(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Previous question</source>
            <translation>前の設問(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Respondent details</source>
            <translation>回答者情報(&amp;R)</translation>
        </message>
        <message>
            <source>Question &amp;list</source>
            <translation>設問一覧(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Answer</source>
            <translation>回答(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Question</source>
            <translation>設問(&amp;Q)</translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>完了にする(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;History…</source>
            <translation>履歴(&amp;H)…</translation>
        </message>
        <message>
            <source>&amp;Copy the answer as plain text (for a web form)</source>
            <translation>回答をテキストとしてコピー（ウェブフォーム用）(&amp;C)</translation>
        </message>
        <message>
            <source>Respondent details</source>
            <translation>回答者情報</translation>
        </message>
        <message>
            <source>Copied: {count}</source>
            <translation>コピーしました：{count}</translation>
        </message>
        <message>
            <source>Revision kept.</source>
            <translation>版を保存しました。</translation>
        </message>
        <message>
            <source>No changes since the last revision.</source>
            <translation>前回の版から変更はありません。</translation>
        </message>
        <message>
            <source>Question {n}</source>
            <translation>問 {n}</translation>
        </message>
        <message>
            <source>Revision restored (Ctrl+Z undoes it).</source>
            <translation>版を復元しました（Ctrl+Z で取り消せます）。</translation>
        </message>
        <message>
            <source>Export to Word</source>
            <translation>Word に書き出す</translation>
        </message>
        <message>
            <source>Word document (*.docx)</source>
            <translation>Word 文書 (*.docx)</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>{path} に書き出しました</translation>
        </message>
        <message>
            <source>Exported, with notes</source>
            <translation>書き出しました（注意事項あり）</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>保存中…</translation>
        </message>
        <message>
            <source>Not saved yet: {message}</source>
            <translation>まだ保存されていません：{message}</translation>
        </message>
        <message>
            <source>ConsultDesk</source>
            <translation>ConsultDesk</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Some changes could not be saved. Close anyway and lose them?</source>
            <translation>一部の変更を保存できませんでした。変更を破棄して閉じますか？</translation>
        </message>
        <message>
            <source>Export &amp;blank questionnaire…</source>
            <translation>空欄の質問票を書き出す(&amp;B)…</translation>
        </message>
        <message>
            <source>Export blank questionnaire</source>
            <extracomment>The Preferences key of the folder export dialogs start in (shared with Preferences).</extracomment>
            <translation>空欄の質問票を書き出す</translation>
        </message>
        <message>
            <source>&amp;Export to Word or PDF…</source>
            <translation>Word または PDF に書き出す(&amp;E)…</translation>
        </message>
        <message>
            <source>Converting to PDF…</source>
            <translation>PDF に変換しています…</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>書き出し</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Recent e&amp;xports</source>
            <translation>最近書き出したファイル(&amp;X)</translation>
        </message>
    </context>
    <context>
        <name>ResponseWindows</name>
        <message>
            <source>Open response</source>
            <translation>回答を開く</translation>
        </message>
        <message>
            <source>This build of ConsultDesk cannot edit responses yet.</source>
            <translation>この版の ConsultDesk では、まだ回答を編集できません。</translation>
        </message>
        <message>
            <source>This response cannot be read, so it cannot be opened. The other responses are not affected.</source>
            <translation>この回答は読み取れないため、開けません。ほかの回答には影響ありません。</translation>
        </message>
    </context>
    <context>
        <name>ResponsesModel</name>
        <message>
            <source>Title</source>
            <extracomment>Role carrying the value the column sorts by. Role carrying the ResponseSummary of the row (any column).</extracomment>
            <translation>件名</translation>
        </message>
        <message>
            <source>Questionnaire</source>
            <translation>質問票</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状況</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>締切</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>進捗</translation>
        </message>
        <message>
            <source>Last edited</source>
            <translation>最終更新</translation>
        </message>
        <message>
            <source>Some answers are over their limit: open the response to shorten them.</source>
            <translation>上限を超えている回答があります。回答を開いて短くしてください。</translation>
        </message>
        <message>
            <source>Cannot be read</source>
            <translation>読み取れません</translation>
        </message>
        <message>
            <source>This response cannot be read: %1</source>
            <translation>この回答は読み取れません：%1</translation>
        </message>
    </context>
    <context>
        <name>RichEditor</name>
        <message>
            <source>{label} has no answer yet (Ctrl+click to go to it)</source>
            <translation>{label} はまだ回答されていません（Ctrl+クリックで移動）</translation>
        </message>
        <message>
            <source>{label}: not a question of this questionnaire</source>
            <translation>{label}：この質問票にない設問です</translation>
        </message>
        <message>
            <source>Ctrl+click to go to {label}</source>
            <translation>Ctrl+クリックで {label} へ移動</translation>
        </message>
        <message>
            <source>Go to {label}</source>
            <translation>{label} へ移動</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>回答</translation>
        </message>
        <message>
            <source>Bold</source>
            <translation>太字</translation>
        </message>
        <message>
            <source>Italic</source>
            <translation>斜体</translation>
        </message>
        <message>
            <source>Bulleted list</source>
            <translation>箇条書き</translation>
        </message>
        <message>
            <source>Numbered list</source>
            <translation>段落番号</translation>
        </message>
        <message>
            <source>Decrease indent</source>
            <translation>インデントを減らす</translation>
        </message>
        <message>
            <source>Increase indent</source>
            <translation>インデントを増やす</translation>
        </message>
        <message>
            <source>Paste as plain text</source>
            <translation>テキストとして貼り付け</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>やり直す</translation>
        </message>
        <message>
            <source>Formatting</source>
            <translation>書式</translation>
        </message>
        <message>
            <source>• List</source>
            <translation>• 箇条書き</translation>
        </message>
        <message>
            <source>1. List</source>
            <translation>1. 段落番号</translation>
        </message>
    </context>
    <context>
        <name>ShortTextWidget</name>
        <message>
            <source>Answer</source>
            <extracomment>Markdown and count</extracomment>
            <translation>回答</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>ConsultDesk cannot start</source>
            <extracomment>Exit code when the app cannot start (the same as the CLI's "bad input").</extracomment>
            <translation>ConsultDesk を起動できません</translation>
        </message>
        <message>
            <source>ConsultDesk must be able to write to its data folder.</source>
            <translation>ConsultDesk はデータフォルダーに書き込める必要があります。</translation>
        </message>
        <message>
            <source>ConsultDesk is already open on this data folder.</source>
            <translation>このデータフォルダーは、すでに別の ConsultDesk で開かれています。</translation>
        </message>
        <message>
            <source>The data folder %1 cannot be used (%2). Allow writing to it, or start ConsultDesk with --data-dir and another folder.</source>
            <translation>データフォルダー %1 を使用できません（%2）。書き込みを許可するか、--data-dir で別のフォルダーを指定して ConsultDesk を起動してください。</translation>
        </message>
    </context>
    <context>
        <name>SearchDialog</name>
        <message>
            <source>Search all responses</source>
            <translation>ライブラリ全体を検索</translation>
        </message>
        <message>
            <source>Words to find in every answer</source>
            <translation>すべての回答から探す語句</translation>
        </message>
        <message>
            <source>Include the &amp;bin</source>
            <translation>ごみ箱も含める(&amp;B)</translation>
        </message>
        <message>
            <source>Answers found</source>
            <translation>見つかった回答</translation>
        </message>
        <message numerus="yes">
            <source>%n answer(s) found</source>
            <translation>
                <numerusform>%n 件の回答が見つかりました</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing found.</source>
            <translation>見つかりませんでした。</translation>
        </message>
        <message>
            <source>{title} — question {number}</source>
            <translation>{title} — 問 {number}</translation>
        </message>
        <message>
            <source>(in the bin)</source>
            <translation>（ごみ箱内）</translation>
        </message>
        <message>
            <source>That response is in the bin: restore it first (View ▸ Bin…).</source>
            <translation>この回答はごみ箱にあります。先に元に戻してください（表示 ▸ ごみ箱…）。</translation>
        </message>
    </context>
    <context>
        <name>ResponseImportDialog</name>
        <message>
            <source>Turn pointers to other answers (“See the answer for Q2”) into live references ({count} found)</source>
            <translation>他の回答を指す記述（「See the answer for Q2」など）を自動更新される参照に変える（{count} 件）</translation>
        </message>
        <message>
            <source>Import a completed response</source>
            <translation>記入済みの回答を取り込む</translation>
        </message>
        <message>
            <source>A new questionnaire read from the same file: “{title}” (installed when you import)</source>
            <translation>同じファイルから読み取った新しい質問票：「{title}」（取り込むときにインストールされます）</translation>
        </message>
        <message>
            <source>Answers to “{title}” (version {version})</source>
            <translation>「{title}」（第 {version} 版）への回答</translation>
        </message>
        <message>
            <source>{found} of {total} questions found in {file}.</source>
            <translation>{file} で {total} 問中 {found} 問が見つかりました。</translation>
        </message>
        <message>
            <source>Title of the new response</source>
            <translation>新しい回答の件名</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>件名(&amp;T)：</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Wording match</source>
            <translation>文言の一致度</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>回答</translation>
        </message>
        <message>
            <source>(not found in the document)</source>
            <translation>（文書内に見つかりません）</translation>
        </message>
        <message>
            <source>The answer as it will be imported</source>
            <translation>取り込まれる回答</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>取り込む(&amp;I)</translation>
        </message>
        <message>
            <source>Points to</source>
            <translation>参照先</translation>
        </message>
        <message>
            <source>question {number}</source>
            <translation>問 {number}</translation>
        </message>
    </context>
    <context>
        <name>Authors</name>
        <message>
            <source>ConsultDesk</source>
            <translation>ConsultDesk</translation>
        </message>
        <message>
            <source>the command line</source>
            <translation>コマンドライン</translation>
        </message>
        <message>
            <source>a contributor</source>
            <translation>協力省庁</translation>
        </message>
        <message>
            <source>a merged contribution</source>
            <translation>取り込んだ提供原稿</translation>
        </message>
        <message>
            <source>a restored revision</source>
            <translation>復元した版</translation>
        </message>
        <message>
            <source>a resolved conflict</source>
            <translation>解決した競合</translation>
        </message>
        <message>
            <source>an import</source>
            <translation>読み込み</translation>
        </message>
        <message>
            <source>{name} ({kind})</source>
            <translation>{name}（{kind}）</translation>
        </message>
    </context>
    <context>
        <name>ExportNotice</name>
        <message>
            <source>&amp;Open</source>
            <translation>開く(&amp;O)</translation>
        </message>
        <message>
            <source>Also worth checking:</source>
            <translation>次の点も確認してください：</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>書き出しました</translation>
        </message>
        <message>
            <source>Exported “{name}”</source>
            <translation>「{name}」を書き出しました</translation>
        </message>
        <message>
            <source>No exports yet</source>
            <translation>まだ書き出していません</translation>
        </message>
        <message>
            <source>Open the exported file</source>
            <translation>書き出したファイルを開きます</translation>
        </message>
        <message>
            <source>Show in &amp;folder</source>
            <translation>フォルダーに表示(&amp;F)</translation>
        </message>
        <message>
            <source>Show the exported file in its folder</source>
            <translation>書き出したファイルをフォルダーで表示します</translation>
        </message>
        <message>
            <source>These answers are over their limit and were exported as they are, as you chose; the document marks them:</source>
            <translation>次の回答は制限を超えていますが、選択どおりそのまま書き出しました（文書内に印を付けています）：</translation>
        </message>
        <message>
            <source>“{name}” was exported.</source>
            <translation>「{name}」を書き出しました。</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>{kind}</source>
            <translation>{kind}</translation>
        </message>
        <message>
            <source>question {id!r}</source>
            <translation>設問 {id!r}</translation>
        </message>
        <message>
            <source>nothing (null)</source>
            <translation>空の値（null）</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true または false</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>数値</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>リスト</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>オブジェクト</translation>
        </message>
        <message>
            <source>respondent field {id!r}</source>
            <translation>回答者情報の項目 {id!r}</translation>
        </message>
        <message>
            <source>{where}[{i}].{key}</source>
            <translation>{where}[{i}].{key}</translation>
        </message>
        <message>
            <source>{path} is a database ConsultDesk has open; writing {what} there would destroy it. Choose another file name.</source>
            <translation>{path} は ConsultDesk が開いているデータベースです。{what}をそこに書くとデータベースが壊れます。別のファイル名を選んでください</translation>
        </message>
        <message>
            <source>no such file or folder</source>
            <translation>そのファイルまたはフォルダーはありません</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>アクセスが拒否されました</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>ディスクがいっぱいです</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>ディスクが読み取り専用です</translation>
        </message>
        <message>
            <source>it is a folder</source>
            <translation>フォルダーです</translation>
        </message>
        <message>
            <source>a part of the path is not a folder</source>
            <translation>パスの一部がフォルダーではありません</translation>
        </message>
        <message>
            <source>the name is too long</source>
            <translation>名前が長すぎます</translation>
        </message>
        <message>
            <source>an input/output error (check the disk or the network share)</source>
            <translation>入出力エラーです（ディスクまたはネットワーク共有を確認してください）</translation>
        </message>
        <message>
            <source>the file is in use</source>
            <translation>ファイルが使用中です</translation>
        </message>
        <message>
            <source>too many symbolic links</source>
            <translation>シンボリックリンクが多すぎます</translation>
        </message>
        <message>
            <source>a file or folder of that name already exists</source>
            <translation>同じ名前のファイルまたはフォルダーが既にあります</translation>
        </message>
        <message>
            <source>the folder is not empty</source>
            <translation>フォルダーが空ではありません</translation>
        </message>
        <message>
            <source>it cannot be moved to another disk in one step</source>
            <translation>別のディスクへは一度に移動できません</translation>
        </message>
        <message>
            <source>the file is too large for this disk</source>
            <translation>ファイルがこのディスクには大きすぎます</translation>
        </message>
        <message>
            <source>too many files are open; close some programs and try again</source>
            <translation>開いているファイルが多すぎます。いくつかのプログラムを閉じてから、もう一度お試しください</translation>
        </message>
        <message>
            <source>there is not enough memory</source>
            <translation>メモリが足りません</translation>
        </message>
        <message>
            <source>the file is busy; try again in a moment</source>
            <translation>ファイルが使用中です。しばらくしてからもう一度お試しください</translation>
        </message>
        <message>
            <source>the operation was interrupted; try again</source>
            <translation>操作が中断されました。もう一度お試しください</translation>
        </message>
        <message>
            <source>the device is not available (a disk removed?)</source>
            <translation>装置を使用できません（ディスクが取り外されましたか？）</translation>
        </message>
        <message>
            <source>the network share was changed or disconnected; open the folder again</source>
            <translation>ネットワーク共有が変更されたか切断されました。フォルダーを開き直してください</translation>
        </message>
        <message>
            <source>the connection timed out</source>
            <translation>接続がタイムアウトしました</translation>
        </message>
        <message>
            <source>the connection was refused</source>
            <translation>接続が拒否されました</translation>
        </message>
        <message>
            <source>the connection was broken</source>
            <translation>接続が切断されました</translation>
        </message>
        <message>
            <source>the network cannot be reached</source>
            <translation>ネットワークに接続できません</translation>
        </message>
        <message>
            <source>error {number} from the system: {detail}</source>
            <translation>システムのエラー {number}：{detail}</translation>
        </message>
        <message>
            <source>an error from the system: {detail}</source>
            <translation>システムのエラー：{detail}</translation>
        </message>
        <message>
            <source>{file}: {reason}</source>
            <translation>{file}：{reason}</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>まだありません</translation>
        </message>
        <message>
            <source>the backup {path}</source>
            <translation>バックアップ {path}</translation>
        </message>
        <message>
            <source>The Word template {path}</source>
            <translation>Word テンプレート {path}</translation>
        </message>
        <message>
            <source>the team database {where}</source>
            <translation>チームデータベース {where}</translation>
        </message>
        <message>
            <source>the data folder's database {path}</source>
            <translation>データフォルダーのデータベース {path}</translation>
        </message>
        <message>
            <source>{key}: a table was read as one paragraph per cell</source>
            <translation>{key}：表は 1 セルを 1 段落として読み込みました</translation>
        </message>
        <message>
            <source>{key}: no longer assigned to {who}, not received</source>
            <translation>{key}：{who} への割り当てがなくなっているため、受領していません</translation>
        </message>
        <message>
            <source>this is an Excel workbook</source>
            <translation>これは Excel ブックです</translation>
        </message>
        <message>
            <source>this is a PowerPoint presentation</source>
            <translation>これは PowerPoint プレゼンテーションです</translation>
        </message>
        <message>
            <source>this is an OpenDocument file (save it as .docx first)</source>
            <translation>これは OpenDocument ファイルです（先に .docx として保存してください）</translation>
        </message>
        <message>
            <source>{name}: not a Word document (.docx): it has no document part</source>
            <translation>{name}：Word 文書（.docx）ではありません。本文の部分がありません</translation>
        </message>
        <message>
            <source>{name}: {kind}, not a Word document (.docx)</source>
            <translation>{name}：{kind}。Word 文書（.docx）ではありません</translation>
        </message>
        <message>
            <source>a questionnaire definition</source>
            <translation>質問票の定義ファイル</translation>
        </message>
        <message>
            <source>a .docx or .dotx file</source>
            <translation>.docx または .dotx ファイル</translation>
        </message>
        <message>
            <source>the document</source>
            <translation>文書</translation>
        </message>
        <message>
            <source>a questionnaire</source>
            <translation>質問票</translation>
        </message>
        <message>
            <source>a Word document</source>
            <translation>Word 文書</translation>
        </message>
        <message>
            <source>the copy {name} needs room for the whole database</source>
            <translation>コピー {name} にはデータベース全体の空きが必要です</translation>
        </message>
        <message>
            <source>the backup copy</source>
            <translation>バックアップのコピー</translation>
        </message>
        <message>
            <source>a ConsultDesk backup</source>
            <translation>ConsultDesk のバックアップ</translation>
        </message>
        <message>
            <source>restoring {name} needs room for a copy of it</source>
            <translation>{name} を復元するにはそのコピーの空きが必要です</translation>
        </message>
        <message>
            <source>the copy {name} was not made</source>
            <translation>コピー {name} は作成されませんでした</translation>
        </message>
        <message>
            <source>the database must be copied before it is upgraded</source>
            <translation>データベースを更新する前にコピーを作る必要があります</translation>
        </message>
        <message>
            <source>nothing can be saved (the responses can still be read)</source>
            <translation>何も保存できません（回答は引き続き読めます）</translation>
        </message>
        <message>
            <source>the change was not saved (the previous text is kept)</source>
            <translation>変更は保存されませんでした（前の文章は残っています）</translation>
        </message>
        <message>
            <source>SQLite cannot make the small files it needs beside the database</source>
            <translation>SQLite がデータベースの隣に必要な小さなファイルを作れません</translation>
        </message>
        <message>
            <source>its status {status!r} is not one this version of ConsultDesk knows (written by a newer version?)</source>
            <translation>状態 {status!r} はこのバージョンの ConsultDesk が知らないものです（新しいバージョンで書かれた可能性があります）</translation>
        </message>
        <message>
            <source>its questionnaire {id!r} version {version} is not installed</source>
            <translation>質問票 {id!r} のバージョン {version} がインストールされていません</translation>
        </message>
        <message>
            <source>install version {version} of {id!r} (questionnaire add FILE), or restore a backup</source>
            <translation>{id!r} のバージョン {version} をインストールする（questionnaire add FILE）か、バックアップから復元してください</translation>
        </message>
        <message>
            <source>restore a backup, or install the definition again</source>
            <translation>バックアップから復元するか、定義をもう一度インストールしてください</translation>
        </message>
        <message>
            <source>install the questionnaire {id!r} (questionnaire add FILE), or restore a backup</source>
            <translation>質問票 {id!r} をインストールする（questionnaire add FILE）か、バックアップから復元してください</translation>
        </message>
        <message>
            <source>answer</source>
            <translation>回答</translation>
        </message>
        <message>
            <source>the response {response_id} cannot be read: {problem}. Nothing was changed; {advice}</source>
            <translation>回答 {response_id} を読み込めません：{problem}。何も変更していません。{advice}</translation>
        </message>
        <message>
            <source>'consultdesk repair {response_id}' repairs it (from its revisions, after a backup copy), or restore a backup</source>
            <translation>'consultdesk repair {response_id}' で修復する（バックアップを取ったうえで履歴から）か、バックアップから復元してください</translation>
        </message>
        <message>
            <source>installed questionnaire {id!r} version {version}</source>
            <translation>インストール済みの質問票 {id!r} バージョン {version}</translation>
        </message>
        <message>
            <source>definition</source>
            <translation>定義</translation>
        </message>
        <message>
            <source>revision</source>
            <translation>履歴の版</translation>
        </message>
        <message>
            <source>entry</source>
            <translation>項目番号</translation>
        </message>
        <message>
            <source>answer to {question}</source>
            <translation>{question} の回答</translation>
        </message>
        <message>
            <source>questionnaire id</source>
            <translation>質問票 ID</translation>
        </message>
        <message>
            <source>questionnaire version</source>
            <translation>質問票のバージョン</translation>
        </message>
        <message>
            <source>respondent details</source>
            <translation>回答者情報</translation>
        </message>
        <message>
            <source>creation time</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <source>source response</source>
            <translation>元の回答</translation>
        </message>
        <message>
            <source>version of the answer to {question}</source>
            <translation>{question} の回答のバージョン</translation>
        </message>
        <message>
            <source>save time of the answer to {question}</source>
            <translation>{question} の回答の保存日時</translation>
        </message>
        <message>
            <source>done flag of the answer to {question}</source>
            <translation>{question} の回答の完了フラグ</translation>
        </message>
        <message>
            <source>restore a backup</source>
            <translation>バックアップから復元してください</translation>
        </message>
        <message>
            <source>response id</source>
            <translation>回答 ID</translation>
        </message>
        <message>
            <source>question id of an answer</source>
            <translation>回答の設問 ID</translation>
        </message>
        <message>
            <source>entry number of the answer to {question}</source>
            <translation>{question} の回答の項目番号</translation>
        </message>
        <message>
            <source>title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状態</translation>
        </message>
        <message>
            <source>deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>time of the last change</source>
            <translation>最終更新日時</translation>
        </message>
        <message>
            <source>time it was binned</source>
            <translation>ごみ箱に移した日時</translation>
        </message>
        <message>
            <source>contributor of the answer to {question}</source>
            <translation>{question} の回答の担当</translation>
        </message>
        <message>
            <source>revision's answer version</source>
            <translation>履歴の版の回答バージョン</translation>
        </message>
        <message>
            <source>revision's response</source>
            <translation>履歴の版の回答</translation>
        </message>
        <message>
            <source>revision's question</source>
            <translation>履歴の版の設問</translation>
        </message>
        <message>
            <source>revision time</source>
            <translation>履歴の版の日時</translation>
        </message>
        <message>
            <source>revision's reason</source>
            <translation>履歴の版の理由</translation>
        </message>
        <message>
            <source>revision's author</source>
            <translation>履歴の版の作成者</translation>
        </message>
        <message>
            <source>the stored {column} {problem}</source>
            <translation>保存されている{column}は{problem}</translation>
        </message>
        <message>
            <source>binary data ({count} bytes)</source>
            <translation>バイナリデータ（{count} バイト）</translation>
        </message>
        <message>
            <source>is {value}, not text</source>
            <translation>{value} で、テキストではありません</translation>
        </message>
        <message>
            <source>is {value}, not yes or no</source>
            <translation>{value} で、はい／いいえではありません</translation>
        </message>
        <message>
            <source>is {value}, not a date and time</source>
            <translation>{value} で、日時ではありません</translation>
        </message>
        <message>
            <source>is {value}, not a date</source>
            <translation>{value} で、日付ではありません</translation>
        </message>
        <message>
            <source>is missing</source>
            <translation>ありません</translation>
        </message>
        <message>
            <source>is not valid UTF-8 text</source>
            <translation>正しい UTF-8 のテキストではありません</translation>
        </message>
        <message>
            <source>is {value}, not a whole number</source>
            <translation>{value} で、整数ではありません</translation>
        </message>
        <message>
            <source>is {value}, out of range</source>
            <translation>{value} で、範囲外です</translation>
        </message>
        <message>
            <source>is not an object of text values</source>
            <translation>テキスト値のオブジェクトではありません</translation>
        </message>
        <message>
            <source>is JSON nested too deeply</source>
            <translation>入れ子が深すぎる JSON です</translation>
        </message>
        <message>
            <source>the answer to {question} is not of the form its question takes</source>
            <translation>{question} の回答が、その設問の受け付ける形ではありません</translation>
        </message>
        <message>
            <source>is {value}, not valid JSON</source>
            <translation>{value} で、正しい JSON ではありません</translation>
        </message>
        <message>
            <source>version</source>
            <translation>バージョン</translation>
        </message>
        <message>
            <source>id</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>1 answer is over the limit, nothing was exported: {problems}</source>
            <translation>1 件の回答が字数制限を超えているため、何も書き出していません：{problems}</translation>
        </message>
        <message>
            <source>{count} answers are over the limit, nothing was exported: {problems}</source>
            <translation>{count} 件の回答が字数制限を超えているため、何も書き出していません：{problems}</translation>
        </message>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>required key is missing</source>
            <translation>必須のキーがありません</translation>
        </message>
        <message>
            <source>unknown key</source>
            <translation>不明なキーです</translation>
        </message>
        <message>
            <source>expected one of {expected}, got {given}</source>
            <translation>{expected} のいずれかが必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected a text, got {given}</source>
            <translation>文字列が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected a whole number, got {given}</source>
            <translation>整数が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected a number, got {given}</source>
            <translation>数値が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected true or false, got {given}</source>
            <translation>true または false が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected a list, got {given}</source>
            <translation>リストが必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected a table of keys, got {given}</source>
            <translation>キーの表（テーブル）が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>expected a date (YYYY-MM-DD), got {given}</source>
            <translation>日付（YYYY-MM-DD）が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>空にはできません</translation>
        </message>
        <message>
            <source>shorter than {min:,} characters</source>
            <translation>{min:,} 文字未満です</translation>
        </message>
        <message>
            <source>longer than {max:,} characters</source>
            <translation>{max:,} 文字を超えています</translation>
        </message>
        <message>
            <source>needs at least {min:,}</source>
            <translation>少なくとも {min:,} 個必要です</translation>
        </message>
        <message>
            <source>has more than {max:,}</source>
            <translation>{max:,} 個を超えています</translation>
        </message>
        <message>
            <source>{given} is not allowed here (it must match {pattern})</source>
            <translation>{given} はここでは使えません（{pattern} に一致する必要があります）</translation>
        </message>
        <message>
            <source>must be greater than {limit}, got {given}</source>
            <translation>{limit} より大きい値が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>must be at least {limit}, got {given}</source>
            <translation>{limit} 以上の値が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>must be less than {limit}, got {given}</source>
            <translation>{limit} 未満の値が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>must be at most {limit}, got {given}</source>
            <translation>{limit} 以下の値が必要ですが、{given} です</translation>
        </message>
        <message>
            <source>duplicate option id {id!r}</source>
            <translation>選択肢の ID {id!r} が重複しています</translation>
        </message>
        <message>
            <source>duplicate question id {id!r}</source>
            <translation>設問の ID {id!r} が重複しています</translation>
        </message>
        <message>
            <source>duplicate field id {id!r}</source>
            <translation>項目の ID {id!r} が重複しています</translation>
        </message>
        <message>
            <source>duplicate respondent field id {id!r}</source>
            <translation>回答者情報の項目 ID {id!r} が重複しています</translation>
        </message>
        <message>
            <source>duplicate section id {id!r}</source>
            <translation>セクションの ID {id!r} が重複しています</translation>
        </message>
        <message>
            <source>a repeating block cannot be nested here</source>
            <translation>繰り返しブロックはここに入れ子にできません</translation>
        </message>
        <message>
            <source>a {kind} question cannot have a limit</source>
            <translation>{kind} の設問には字数制限を設定できません</translation>
        </message>
        <message>
            <source>a condition needs exactly one of 'equals' or 'any_of'</source>
            <translation>条件には 'equals' と 'any_of' のどちらか一方だけが必要です</translation>
        </message>
        <message>
            <source>a repeating block needs at least one field</source>
            <translation>繰り返しブロックには少なくとも 1 つの項目が必要です</translation>
        </message>
        <message>
            <source>only a repeating block has 'fields'</source>
            <translation>'fields' を持てるのは繰り返しブロックだけです</translation>
        </message>
        <message>
            <source>min_choices/max_choices apply to multiple_choice only</source>
            <translation>min_choices / max_choices は multiple_choice にだけ使えます</translation>
        </message>
        <message>
            <source>min_choices is greater than max_choices</source>
            <translation>min_choices が max_choices より大きくなっています</translation>
        </message>
        <message>
            <source>a respondent field is short_text, yes_no or single_choice</source>
            <translation>回答者情報の項目は short_text、yes_no、single_choice のいずれかです</translation>
        </message>
        <message>
            <source>sections are nested more than {depth} deep</source>
            <translation>セクションの入れ子が {depth} 段を超えています</translation>
        </message>
        <message>
            <source>a questionnaire needs at least one question</source>
            <translation>質問票には少なくとも 1 つの設問が必要です</translation>
        </message>
        <message>
            <source>a {kind} question needs at least two options</source>
            <translation>{kind} の設問には少なくとも 2 つの選択肢が必要です</translation>
        </message>
        <message>
            <source>a {kind} question has no 'options'</source>
            <translation>{kind} の設問には 'options' はありません</translation>
        </message>
        <message>
            <source>question {question!r}: condition refers to {target!r}, which is not an earlier question</source>
            <translation>設問 {question!r}：条件が参照する {target!r} は、前にある設問ではありません</translation>
        </message>
        <message>
            <source>question {question!r}: condition refers to {target!r}, which is not a choice question</source>
            <translation>設問 {question!r}：条件が参照する {target!r} は選択式の設問ではありません</translation>
        </message>
        <message>
            <source>question {question!r}: condition value {value!r} is not an option of {target!r}</source>
            <translation>設問 {question!r}：条件の値 {value!r} は {target!r} の選択肢にありません</translation>
        </message>
        <message>
            <source>budget {budget!r}: {question!r} is not a text question</source>
            <translation>字数配分 {budget!r}：{question!r} は記述式の設問ではありません</translation>
        </message>
        <message>
            <source>{label} is the database ConsultDesk has open, not {what}</source>
            <translation>{label} は ConsultDesk が開いているデータベースです。{what}ではありません</translation>
        </message>
        <message>
            <source>{path} is a folder; choose a file name for {what}</source>
            <translation>{path} はフォルダーです。{what} のファイル名を選んでください</translation>
        </message>
        <message>
            <source>{path} is {kind}; choose a file name for {what}</source>
            <translation>{path} は {kind} です。{what} のファイル名を選んでください</translation>
        </message>
        <message>
            <source>the folder {folder} does not exist; choose another place for {what}</source>
            <translation>フォルダー {folder} がありません。{what} の別の保存先を選んでください</translation>
        </message>
        <message>
            <source>{path}{reason}</source>
            <translation>{path}{reason}</translation>
        </message>
        <message>
            <source>{path} is ConsultDesk's own database ({name}); writing {what} there would destroy it. Choose another file name.</source>
            <translation>{path} は ConsultDesk 自身のデータベース ({name}) です。そこに {what} を書き込むと壊れてしまいます。別のファイル名を選んでください。</translation>
        </message>
        <message>
            <source>{path} is the {journal} journal of the database {name}; choose another file name for {what}</source>
            <translation>{path} はデータベース {name} の {journal} ジャーナルです。{what} の別のファイル名を選んでください</translation>
        </message>
        <message>
            <source>{path} is a database in use (its {journal} file is beside it); choose another file name for {what}</source>
            <translation>{path} は使用中のデータベースです（隣に {journal} ファイルがあります）。{what} の別のファイル名を選んでください</translation>
        </message>
        <message>
            <source>the copy {dest} could not be written ({reason}); nothing was left behind</source>
            <translation>コピー {dest} を書き込めませんでした ({reason})。途中のファイルは残していません</translation>
        </message>
        <message>
            <source>the database {path} is not damaged (its integrity check passes); it was left where it is</source>
            <translation>データベース {path} は破損していません（整合性チェックに合格）。そのままにしてあります</translation>
        </message>
        <message>
            <source>the data dir {data_dir} cannot be made: part of its path is a file, not a folder; choose another one with --data-dir</source>
            <translation>データフォルダー {data_dir} を作れません。パスの一部がフォルダーではなくファイルです。--data-dir で別のフォルダーを選んでください</translation>
        </message>
        <message>
            <source>cannot write in the data dir {data_dir} ({reason}); {hint}</source>
            <translation>データフォルダー {data_dir} に書き込めません ({reason})。{hint}</translation>
        </message>
        <message>
            <source>the disk holding {folder} is full ({free} free): {what}; free at least {needed} and try again. Nothing was changed and nothing is damaged.</source>
            <translation>{folder} のあるディスクがいっぱいです（空き {free}）：{what}。{needed} 以上の空きを作ってから、もう一度試してください。何も変更されておらず、何も壊れていません。</translation>
        </message>
        <message>
            <source>the database {path} could not be read or written ({detail}); this is an input/output error, not damage: check the disk or the network share and try again</source>
            <translation>データベース {path} を読み書きできませんでした ({detail})。入出力のエラーで、破損ではありません。ディスクまたはネットワーク共有を確認して、もう一度試してください</translation>
        </message>
        <message>
            <source>the database {path} is not a regular file; move it away, or use another data dir</source>
            <translation>データベース {path} は通常のファイルではありません。移動するか、別のデータフォルダーを使ってください</translation>
        </message>
        <message>
            <source>{source} cannot be read: it is not a definition</source>
            <translation>{source} を読み取れません：定義ではありません</translation>
        </message>
        <message>
            <source>{source} cannot be read: {problem}</source>
            <translation>{source} を読み取れません：{problem}</translation>
        </message>
        <message>
            <source>the revision {revision_id} cannot be read ({problem})</source>
            <translation>版 {revision_id} を読み取れません ({problem})</translation>
        </message>
        <message>
            <source>{path} is a database, not a document; choose another file name. Nothing was written.</source>
            <translation>{path} はデータベースで、文書ではありません。別のファイル名を選んでください。何も書き込んでいません。</translation>
        </message>
        <message>
            <source>the data dir {data_dir} is a file, not a folder; choose another one with --data-dir</source>
            <translation>データフォルダー {data_dir} はファイルで、フォルダーではありません。--data-dir で別のフォルダーを選んでください</translation>
        </message>
        <message>
            <source>the disk holding {path} is full{have}: the last change was not saved and the previous text is kept. Free at least {needed} of disk space; typing goes on and the next save will store it.</source>
            <translation>{path} のあるディスクがいっぱいです{have}。最後の変更は保存されず、前の文章が残っています。{needed} 以上の空き容量を作ってください。入力は続けられ、次の保存で記録されます。</translation>
        </message>
        <message>
            <source>contributor tag {tag!r}: use 1-20 letters or digits (and . - _), e.g. NPA</source>
            <translation>担当者タグ {tag!r}：1〜20 文字の英数字（と . - _）を使ってください（例：NPA）</translation>
        </message>
        <message>
            <source>{email!r} is not an e-mail address</source>
            <translation>{email!r} はメールアドレスではありません</translation>
        </message>
        <message>
            <source>{text!r} is not a question id (q1) or a block entry (measures[2], or measures[+] for a new entry)</source>
            <translation>{text!r} は設問 ID（q1）でも繰り返し項目（measures[2]、新しい項目なら measures[+]）でもありません</translation>
        </message>
        <message>
            <source>{text!r}: entries are numbered from 1</source>
            <translation>{text!r}：項目の番号は 1 から始まります</translation>
        </message>
        <message>
            <source>{source}: {place}: {msg}</source>
            <translation>{source}：{place}：{msg}</translation>
        </message>
        <message>
            <source>{source}: sections are nested too deeply</source>
            <translation>{source}：節の入れ子が深すぎます</translation>
        </message>
        <message>
            <source>{path}: (top level): expected a table of keys</source>
            <translation>{path}：（最上位）：キーの表が必要です</translation>
        </message>
        <message>
            <source>not a regular file</source>
            <translation>通常のファイルではありません</translation>
        </message>
        <message>
            <source> cannot be read ({reason})</source>
            <translation> を読み込めません（{reason}）</translation>
        </message>
        <message>
            <source>{label}: the file is too large for {what}</source>
            <translation>{label}：{what}としてはファイルが大きすぎます</translation>
        </message>
        <message>
            <source>a folder</source>
            <translation>フォルダー</translation>
        </message>
        <message>
            <source>a pipe (FIFO)</source>
            <translation>パイプ（FIFO）</translation>
        </message>
        <message>
            <source>a device</source>
            <translation>デバイス</translation>
        </message>
        <message>
            <source>a socket</source>
            <translation>ソケット</translation>
        </message>
        <message>
            <source>: the name is not a valid file name</source>
            <translation>：ファイル名として正しくありません</translation>
        </message>
        <message>
            <source> does not exist</source>
            <translation> がありません</translation>
        </message>
        <message>
            <source> does not exist (a part of the path is a file, not a folder)</source>
            <translation> がありません（パスの途中がフォルダーではなくファイルです）</translation>
        </message>
        <message>
            <source> cannot be read (permission denied)</source>
            <translation> を読み込めません（権限がありません）</translation>
        </message>
        <message>
            <source>{label} is {value}, not {what}</source>
            <translation>{label} は{value}です。{what}ではありません</translation>
        </message>
        <message>
            <source>{label}{value}</source>
            <translation>{label}{value}</translation>
        </message>
        <message>
            <source>{label}: not a UTF-8 text file (byte {byte} is not UTF-8)</source>
            <translation>{label}：UTF-8 のテキストファイルではありません（{byte} バイト目が UTF-8 ではありません）</translation>
        </message>
        <message>
            <source>{label}: not valid JSON: {msg} at line {lineno} column {colno}</source>
            <translation>{label}：JSON として正しくありません：{lineno} 行 {colno} 列目で {msg}</translation>
        </message>
        <message>
            <source>{label}: the JSON is nested too deeply</source>
            <translation>{label}：JSON の入れ子が深すぎます</translation>
        </message>
        <message>
            <source>{label}: the JSON holds a number too long to read (over {value} digits)</source>
            <translation>{label}：JSON に長すぎて読めない数値があります（{value} 桁を超えています）</translation>
        </message>
        <message>
            <source>{label}: not valid TOML: {exc}</source>
            <translation>{label}：TOML として正しくありません：{exc}</translation>
        </message>
        <message>
            <source>{label}: the TOML is nested too deeply</source>
            <translation>{label}：TOML の入れ子が深すぎます</translation>
        </message>
        <message>
            <source>{label}: the TOML holds a number too long to read (over {value} digits)</source>
            <translation>{label}：TOML に長すぎて読めない数値があります（{value} 桁を超えています）</translation>
        </message>
        <message>
            <source>{where}: expected text, got {kind}</source>
            <translation>{where}：文章が必要ですが、{kind} が指定されています</translation>
        </message>
        <message>
            <source>{where}: text is longer than {limit:,} characters</source>
            <translation>{where}：文章が {limit:,} 文字を超えています</translation>
        </message>
        <message>
            <source>{where}: the text contains a character that cannot be saved (an unpaired surrogate at character {value}); nothing was saved. Delete it and type the character again.</source>
            <translation>{where}：保存できない文字が含まれています（{value} 文字目の対になっていないサロゲート）。何も保存されていません。その文字を削除して、入力し直してください。</translation>
        </message>
        <message>
            <source>{where}: expected one option id</source>
            <translation>{where}：選択肢の ID を 1 つ指定してください</translation>
        </message>
        <message>
            <source>{where}: {value!r} is not one of the options ({options})</source>
            <translation>{where}：{value!r} は選択肢（{options}）にありません</translation>
        </message>
        <message>
            <source>{where}: expected a list of option ids</source>
            <translation>{where}：選択肢の ID のリストが必要です</translation>
        </message>
        <message>
            <source>{where}: expected a list of entries (objects)</source>
            <translation>{where}：項目（オブジェクト）のリストが必要です</translation>
        </message>
        <message>
            <source>{where}: at most {max_entries} entries</source>
            <translation>{where}：項目は {max_entries} 件までです</translation>
        </message>
        <message>
            <source>unknown respondent field {field_id!r}</source>
            <translation>回答者欄 {field_id!r} はありません</translation>
        </message>
        <message>
            <source>unknown question id {qid!r}</source>
            <translation>設問 ID {qid!r} はありません</translation>
        </message>
        <message>
            <source>{where}[{i}]: unknown field {key!r}</source>
            <translation>{where}[{i}]：欄 {key!r} はありません</translation>
        </message>
        <message>
            <source>{name}: an e-mail draft's file name must end in .eml</source>
            <translation>{name}：メール下書きのファイル名は .eml で終わる必要があります</translation>
        </message>
        <message>
            <source>{name} is not a ConsultDesk request for input (it has none of the identity a request carries)</source>
            <translation>{name} は ConsultDesk の作成依頼ではありません（依頼が持つ識別情報がありません）</translation>
        </message>
        <message>
            <source>{name}: the file name must end in .docx (a Word document).</source>
            <translation>{name}：ファイル名は .docx（Word 文書）で終わる必要があります。</translation>
        </message>
        <message>
            <source>nothing is assigned to this contributor; there is nothing to ask</source>
            <translation>この担当者には何も割り当てられていません。依頼する内容がありません</translation>
        </message>
        <message>
            <source>{name} is the template itself; choose another file name so the template is kept.</source>
            <translation>{name} はテンプレートそのものです。テンプレートを残すため、別のファイル名を選んでください。</translation>
        </message>
        <message>
            <source>the default template lacks the style {name!r}</source>
            <translation>標準テンプレートにスタイル {name!r} がありません</translation>
        </message>
        <message>
            <source>The Word template {name} is not a Word document (.docx or .dotx).</source>
            <translation>Word テンプレート {name} は Word 文書（.docx または .dotx）ではありません。</translation>
        </message>
        <message>
            <source>The Word template {name} cannot be opened as a Word document ({exc}).</source>
            <translation>Word テンプレート {name} を Word 文書として開けません（{exc}）。</translation>
        </message>
        <message>
            <source>The Word template {name} is too large when unpacked to be a Word document.</source>
            <translation>Word テンプレート {name} は展開すると大きすぎて、Word 文書とは考えられません。</translation>
        </message>
        <message>
            <source>The Word template {name} contains macros; save it as a .docx or .dotx without macros and choose that file.</source>
            <translation>Word テンプレート {name} にはマクロが含まれています。マクロなしの .docx または .dotx として保存し、そのファイルを選んでください。</translation>
        </message>
        <message>
            <source>Could not write {path}: {reason}. Nothing was written.</source>
            <translation>{path} に書き込めませんでした：{reason}。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>{path} is a folder; choose a file name ending in .docx.</source>
            <translation>{path} はフォルダーです。.docx で終わるファイル名を選んでください。</translation>
        </message>
        <message>
            <source>The folder {folder} does not exist; choose another place.</source>
            <translation>フォルダー {folder} がありません。別の場所を選んでください。</translation>
        </message>
        <message>
            <source>{name} seems to be open in a word processor ({name2} exists). Close it there and export again; nothing was written.</source>
            <translation>{name} はワープロで開かれているようです（{name2} があります）。そちらで閉じてから、もう一度書き出してください。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>{path} is read-only; choose another file name or make it writable. Nothing was written.</source>
            <translation>{path} は読み取り専用です。別のファイル名を選ぶか、書き込めるようにしてください。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>Cannot write in the folder {parent} (read-only or no permission); choose another folder. Nothing was written.</source>
            <translation>フォルダー {parent} に書き込めません（読み取り専用か、権限がありません）。別のフォルダーを選んでください。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>The disk holding {parent} is full; free some space and export again. Nothing was written.</source>
            <translation>{parent} のあるディスクがいっぱいです。空き容量を作ってから、もう一度書き出してください。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>Your disk quota for {parent} is used up. Nothing was written.</source>
            <translation>{parent} のディスク割り当て（クォータ）を使い切っています。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>The file name {name} is too long; choose a shorter one.</source>
            <translation>ファイル名 {name} が長すぎます。短い名前を選んでください。</translation>
        </message>
        <message>
            <source>{name} cannot be replaced: it is open in another program or locked. Close it and export again; the previous file is unchanged.</source>
            <translation>{name} を置き換えられません。別のプログラムで開かれているか、ロックされています。閉じてから、もう一度書き出してください。以前のファイルは変更されていません。</translation>
        </message>
        <message>
            <source>{name}: not a regular file (a Word document is expected)</source>
            <translation>{name}：通常のファイルではありません（Word 文書が必要です）</translation>
        </message>
        <message>
            <source>{source_name}: no questions were found. Questions are recognised by their numbers (typed, or Word's automatic numbering), by a question mark, or by an empty answer cell beside them in a table.</source>
            <translation>{source_name}：設問が見つかりませんでした。設問は、番号（手入力または Word の自動番号）、疑問符、または表の中で隣にある空の回答欄によって認識されます。</translation>
        </message>
        <message>
            <source>{name}: not a Word document (.docx)</source>
            <translation>{name}：Word 文書（.docx）ではありません</translation>
        </message>
        <message>
            <source>{where}: the document contains a DTD, which Word never writes; it was not opened</source>
            <translation>{where}：文書に DTD が含まれています（Word は DTD を書きません）。開きませんでした</translation>
        </message>
        <message>
            <source>{where}: the document is empty</source>
            <translation>{where}：文書が空です</translation>
        </message>
        <message>
            <source>{name}: the document is protected with a password. Open it in Word, remove the password (File &gt; Info &gt; Protect Document), save it, and import it again.</source>
            <translation>{name}：文書がパスワードで保護されています。Word で開き、パスワードを解除して（ファイル &gt; 情報 &gt; 文書の保護）保存してから、もう一度取り込んでください。</translation>
        </message>
        <message>
            <source>{name}: this is an old Word 97-2003 document (.doc). Open it in Word or LibreOffice and save it as a Word document (.docx), then import that file.</source>
            <translation>{name}：これは古い Word 97-2003 文書（.doc）です。Word または LibreOffice で開いて Word 文書（.docx）として保存し、そのファイルを取り込んでください。</translation>
        </message>
        <message>
            <source>{name}: this is a PDF, not a Word document (.docx)</source>
            <translation>{name}：これは PDF です。Word 文書（.docx）ではありません</translation>
        </message>
        <message>
            <source>{name}: this is an RTF file; open it in Word and save it as .docx first</source>
            <translation>{name}：これは RTF ファイルです。先に Word で開いて .docx として保存してください</translation>
        </message>
        <message>
            <source>{name}: the file is too large for a questionnaire</source>
            <translation>{name}：質問票としてはファイルが大きすぎます</translation>
        </message>
        <message>
            <source>{where}: the document is damaged ({msg})</source>
            <translation>{where}：文書が破損しています（{msg}）</translation>
        </message>
        <message>
            <source>{name}: not a Word document (damaged container: {exc})</source>
            <translation>{name}：Word 文書ではありません（ファイルの構造が破損しています：{exc}）</translation>
        </message>
        <message>
            <source>{name}: the document is protected with a password</source>
            <translation>{name}：文書がパスワードで保護されています</translation>
        </message>
        <message>
            <source>{name}: part {member} expands to {file_size:,} bytes, far more than any questionnaire; the file was not opened (it may be a zip bomb)</source>
            <translation>{name}：パーツ {member} が展開すると {file_size:,} バイトになり、質問票としては大きすぎます。ファイルは開きませんでした（zip 爆弾の可能性があります）</translation>
        </message>
        <message>
            <source>{name}: the file is damaged (not a complete .docx)</source>
            <translation>{name}：ファイルが破損しています（完全な .docx ではありません）</translation>
        </message>
        <message>
            <source>{name}: the document is damaged ({exc})</source>
            <translation>{name}：文書が破損しています（{exc}）</translation>
        </message>
        <message>
            <source>{name}: part {member} expands far beyond its compressed size; the file was not opened (it may be a zip bomb)</source>
            <translation>{name}：パーツ {member} が圧縮前の大きさをはるかに超えて展開されます。ファイルは開きませんでした（zip 爆弾の可能性があります）</translation>
        </message>
        <message>
            <source>Saving a PDF needs Microsoft Word or LibreOffice, and neither was found on this computer. Install LibreOffice (free, from libreoffice.org) or ask your IT department for it, or export to Word (.docx) instead. Nothing was written.</source>
            <translation>PDF の保存には Microsoft Word か LibreOffice が必要ですが、このコンピューターにはどちらも見つかりませんでした。LibreOffice（無料、libreoffice.org）をインストールするか、情報システム担当に依頼してください。または Word（.docx）で書き出してください。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>{name} could not convert the document to PDF{detail}. Nothing was written.</source>
            <translation>{name} で文書を PDF に変換できませんでした{detail}。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>{target} is a folder; choose a file name ending in .pdf.</source>
            <translation>{target} はフォルダーです。.pdf で終わるファイル名を選んでください。</translation>
        </message>
        <message>
            <source>The folder {parent} does not exist; choose another place.</source>
            <translation>フォルダー {parent} がありません。別の場所を選んでください。</translation>
        </message>
        <message>
            <source>{name} did not finish converting to PDF within {seconds} seconds. Nothing was written; export to Word (.docx) and save it as PDF there.</source>
            <translation>{name} での PDF への変換が {seconds} 秒以内に終わりませんでした。何も書き込まれていません。Word（.docx）で書き出し、そちらで PDF として保存してください。</translation>
        </message>
        <message>
            <source>{name} could not be started: {reason}. Nothing was written.</source>
            <translation>{name} を起動できませんでした：{reason}。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>LibreOffice finished without writing the PDF. Nothing was written.</source>
            <translation>LibreOffice は PDF を書き出さずに終了しました。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>{name} wrote something that is not a PDF. Nothing was written.</source>
            <translation>{name} が書き出したものは PDF ではありませんでした。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>Microsoft Word finished without writing the PDF. Nothing was written.</source>
            <translation>Microsoft Word は PDF を書き出さずに終了しました。何も書き込まれていません。</translation>
        </message>
        <message>
            <source>no questionnaire with id {questionnaire_id!r}</source>
            <translation>ID が {questionnaire_id!r} の質問票はありません</translation>
        </message>
        <message>
            <source>{path}: id {id!r} is already used by another bundled file</source>
            <translation>{path}：ID {id!r} は同梱の別のファイルで使われています</translation>
        </message>
        <message>
            <source>no contributor {tag!r} (known: {known}); add one with 'contributor add'</source>
            <translation>担当者 {tag!r} はいません（登録済み：{known}）。'contributor add' で追加してください</translation>
        </message>
        <message>
            <source>response {response_id!r} is in the bin; restore it first</source>
            <translation>回答 {response_id!r} はごみ箱にあります。先に元に戻してください</translation>
        </message>
        <message>
            <source>{key}: only a repeating block has entries</source>
            <translation>{key}：項目があるのは繰り返しブロックだけです</translation>
        </message>
        <message>
            <source>name at least one question to assign</source>
            <translation>割り当てる設問を 1 つ以上指定してください</translation>
        </message>
        <message>
            <source>nothing of response {response_id!r} is assigned to {tag}; assign questions first</source>
            <translation>回答 {response_id!r} のうち {tag} に割り当てられたものはありません。先に設問を割り当ててください</translation>
        </message>
        <message>
            <source>{name} answers a request for response {response_id!r}, which is not in this data folder</source>
            <translation>{name} は回答 {response_id!r} への依頼の返信ですが、その回答はこのデータフォルダーにありません</translation>
        </message>
        <message>
            <source>{name} belongs to response {response_id!r}, which is in the bin; restore it, then receive the file again</source>
            <translation>{name} は回答 {response_id!r} のものですが、その回答はごみ箱にあります。元に戻してから、もう一度受け取ってください</translation>
        </message>
        <message>
            <source>{name}: nothing of response {response_id!r} is assigned to {who} any more</source>
            <translation>{name}：回答 {response_id!r} のうち {who} に割り当てられたものは、もうありません</translation>
        </message>
        <message>
            <source>the file does not say which contributor it comes from</source>
            <translation>このファイルからは、どの担当者のものか分かりません</translation>
        </message>
        <message>
            <source>unknown question id {question_id!r}</source>
            <translation>設問 ID {question_id!r} はありません</translation>
        </message>
        <message>
            <source>{key} is a repeating block: assign one entry ({question_id}[1]) or a new one ({question_id}[+])</source>
            <translation>{key} は繰り返しブロックです。項目を 1 つ（{question_id}[1]）か、新しい項目（{question_id}[+]）を割り当ててください</translation>
        </message>
        <message>
            <source>{key}: the block has {entries}; use {question_id}[+] for a new one</source>
            <translation>{key}：このブロックの項目は {entries}です。新しい項目には {question_id}[+] を使ってください</translation>
        </message>
        <message>
            <source>{key}: the block has no text field to write in</source>
            <translation>{key}：このブロックには書き込める文章欄がありません</translation>
        </message>
        <message>
            <source>{key}: only text questions and block entries can be given to a contributor</source>
            <translation>{key}：担当者に割り当てられるのは、文章の設問とブロックの項目だけです</translation>
        </message>
        <message>
            <source>{name}: not a file</source>
            <translation>{name}：ファイルではありません</translation>
        </message>
        <message>
            <source>{name}: cannot read the file ({reason})</source>
            <translation>{name}：ファイルを読み込めません（{reason}）</translation>
        </message>
        <message>
            <source>{reason}</source>
            <translation>{reason}</translation>
        </message>
        <message>
            <source>{name}: the answer to {key} is longer than {limit:,} characters; nothing received</source>
            <translation>{name}：{key} への回答が {limit:,} 文字を超えています。何も受け取っていません</translation>
        </message>
        <message>
            <source>this contribution holds block fields, not a text</source>
            <translation>この提出にはブロックの欄があり、文章ではありません</translation>
        </message>
        <message>
            <source>this contribution holds a text, not block fields</source>
            <translation>この提出は文章で、ブロックの欄ではありません</translation>
        </message>
        <message>
            <source>{key}: a share applies to a text question with a limit</source>
            <translation>{key}：割り当て量は字数制限のある文章の設問にだけ設定できます</translation>
        </message>
        <message>
            <source>{key}: the share must be between 1 and the limit ({amount:,})</source>
            <translation>{key}：割り当て量は 1 から制限（{amount:,}）までにしてください</translation>
        </message>
        <message>
            <source>this contributor</source>
            <translation>この担当者</translation>
        </message>
        <message>
            <source>1 entry</source>
            <translation>1 件</translation>
        </message>
        <message>
            <source>{count} entries</source>
            <translation>{count} 件</translation>
        </message>
        <message>
            <source>the database is not open, so it cannot be copied</source>
            <translation>データベースが開かれていないため、コピーできません</translation>
        </message>
        <message>
            <source>{name}: no question and answer was found in it</source>
            <translation>{name}：設問と回答が見つかりませんでした</translation>
        </message>
        <message>
            <source>{name}: none of the questions of {questionnaire_id!r} was found in it (is it a response to another questionnaire?)</source>
            <translation>{name}：{questionnaire_id!r} の設問が 1 つも見つかりませんでした（別の質問票への回答ではありませんか）</translation>
        </message>
        <message>
            <source>{source_name}: {exc}</source>
            <translation>{source_name}：{exc}</translation>
        </message>
        <message>
            <source>'respondent' must be an object (field id -&gt; value)</source>
            <translation>'respondent' はオブジェクト（欄 ID -&gt; 値）である必要があります</translation>
        </message>
        <message>
            <source>'answers' must be an object (question id -&gt; value)</source>
            <translation>'answers' はオブジェクト（設問 ID -&gt; 値）である必要があります</translation>
        </message>
        <message>
            <source>revision {revision_id} is not a revision of {question_id} in response {response_id}</source>
            <translation>版 {revision_id} は回答 {response_id} の {question_id} の版ではありません</translation>
        </message>
        <message>
            <source>a response needs a title</source>
            <translation>回答には件名が必要です</translation>
        </message>
        <message>
            <source>unknown status {status!r} ({choices})</source>
            <translation>状態 {status!r} は使えません（{choices}）</translation>
        </message>
        <message>
            <source>search: give some text to look for</source>
            <translation>search：検索する語句を指定してください</translation>
        </message>
        <message>
            <source>cannot restore from {path}: it is an empty database</source>
            <translation>{path} から復元できません：空のデータベースです</translation>
        </message>
        <message>
            <source>cannot restore from {path}: {reason}</source>
            <translation>{path} から復元できません：{reason}</translation>
        </message>
        <message>
            <source>cannot restore from {path}: it {what}</source>
            <translation>{path} から復元できません：このファイルは{what}</translation>
        </message>
        <message>
            <source>no assignment with id {assignment_id}</source>
            <translation>ID が {assignment_id} の割り当てはありません</translation>
        </message>
        <message>
            <source>no contribution with id {contribution_id}</source>
            <translation>ID が {contribution_id} の提出はありません</translation>
        </message>
        <message>
            <source>choose another one with --data-dir or allow writing to it</source>
            <translation>--data-dir で別のフォルダーを選ぶか、書き込めるようにしてください</translation>
        </message>
        <message>
            <source>the database {path} is read-only; allow writing to it, or {hint}</source>
            <translation>データベース {path} は読み取り専用です。書き込めるようにするか、{hint}</translation>
        </message>
        <message>
            <source>cannot create the data dir {data_dir} ({reason}); {hint}</source>
            <translation>データフォルダー {data_dir} を作成できません（{reason}）。{hint}</translation>
        </message>
        <message>
            <source>the data dir {data_dir} is read-only ({reason}); ConsultDesk keeps your drafts there and must be able to write to it; {hint}</source>
            <translation>データフォルダー {data_dir} は読み取り専用です（{reason}）。ConsultDesk は下書きをここに保存するため、書き込める必要があります。{hint}</translation>
        </message>
        <message>
            <source>the text contains a character that cannot be saved (an unpaired surrogate at character {value}); nothing was saved. Delete it and type the character again.</source>
            <translation>保存できない文字が含まれています（{value} 文字目の対になっていないサロゲート）。何も保存されていません。その文字を削除して、入力し直してください。</translation>
        </message>
        <message>
            <source>the disk holding {path} is full: the last change was not saved and the previous text is kept. Free some disk space; typing goes on and the next save will store it.</source>
            <translation>{path} のあるディスクがいっぱいです。最後の変更は保存されず、以前の文章が残っています。空き容量を作ってください。入力は続けられ、次の保存で記録されます。</translation>
        </message>
        <message>
            <source>the database {path} cannot be written (read-only)</source>
            <translation>データベース {path} に書き込めません（読み取り専用）</translation>
        </message>
        <message>
            <source>the database {path} is busy (another program keeps it locked); try again</source>
            <translation>データベース {path} は使用中です（別のプログラムがロックしています）。もう一度お試しください</translation>
        </message>
        <message>
            <source>cannot open the database {path}</source>
            <translation>データベース {path} を開けません</translation>
        </message>
        <message>
            <source>upgrading the database {path} from schema {version} to {latest} failed ({exc}); the file was left as it was{kept}</source>
            <translation>データベース {path} のスキーマ {version} から {latest} への更新に失敗しました（{exc}）。ファイルは元のままです{kept}</translation>
        </message>
        <message>
            <source>is damaged</source>
            <translation>破損しています</translation>
        </message>
        <message>
            <source>; a copy made before the upgrade is {copy}</source>
            <translation>。更新前のコピーは {copy} です</translation>
        </message>
        <message>
            <source>the database {path} {what}; {advice}. The file is kept as it is.</source>
            <translation>データベース {path} は{what}。{advice}。ファイルはそのまま残しています。</translation>
        </message>
        <message>
            <source>the database {path} was written by a newer ConsultDesk (schema {version}; this version reads up to {latest}); it has not been opened or changed. Install the newer ConsultDesk, or use another data dir.</source>
            <translation>データベース {path} は新しい ConsultDesk で書かれています（スキーマ {version}。このバージョンが読めるのは {latest} までです）。開いても変更してもいません。新しい ConsultDesk をインストールするか、別のデータフォルダーを使ってください。</translation>
        </message>
        <message>
            <source>it can be restored from the backup {backup} (made {made:%Y-%m-%d %H:%M} UTC)</source>
            <translation>バックアップ {backup}（{made:%Y-%m-%d %H:%M} UTC 作成）から復元できます</translation>
        </message>
        <message>
            <source>there is no backup of it; it can be moved aside to start afresh</source>
            <translation>バックアップはありません。別名に移して新しく始めることができます</translation>
        </message>
        <message>
            <source>cannot read the database {path} ({reason})</source>
            <translation>データベース {path} を読み込めません（{reason}）</translation>
        </message>
        <message>
            <source>is not a SQLite database (damaged or overwritten)</source>
            <translation>SQLite データベースではありません（破損しているか、上書きされています）</translation>
        </message>
        <message>
            <source>is damaged ({reason})</source>
            <translation>破損しています（{reason}）</translation>
        </message>
        <message>
            <source>is a SQLite file, but not a ConsultDesk database</source>
            <translation>SQLite ファイルですが、ConsultDesk のデータベースではありません</translation>
        </message>
        <message>
            <source>ConsultDesk is already running on the data dir {data_dir}{who}; switch to that window, or start this one with another data dir</source>
            <translation>ConsultDesk はすでにデータフォルダー {data_dir} で起動しています{who}。そのウィンドウに切り替えるか、別のデータフォルダーで起動してください</translation>
        </message>
        <message>
            <source> (process {holder})</source>
            <translation>（プロセス {holder}）</translation>
        </message>
        <message>
            <source>the upgrade would break a reference between tables</source>
            <translation>更新するとテーブル間の参照が壊れます</translation>
        </message>
        <message>
            <source>cannot reach the team database server {where} ({reason}); {advice}</source>
            <translation>チームデータベースのサーバー {where} に接続できません（{reason}）。{advice}</translation>
        </message>
        <message>
            <source>the connection to the team database server {where} was lost ({value}); check that the server is running and your network</source>
            <translation>チームデータベースのサーバー {where} との接続が切れました（{value}）。サーバーが動いているか、ネットワークを確認してください</translation>
        </message>
        <message>
            <source>the database address {url!r} is not a PostgreSQL URL; write it as postgresql://user@host:5432/consultdesk</source>
            <translation>データベースのアドレス {url!r} は PostgreSQL の URL ではありません。postgresql://user@host:5432/consultdesk の形で書いてください</translation>
        </message>
        <message>
            <source>the database address contains a password; ConsultDesk never keeps one in plain text: put it in ~/.pgpass (or a pg_service.conf service, or PGPASSWORD for a script) and give the address without it</source>
            <translation>データベースのアドレスにパスワードが含まれています。ConsultDesk はパスワードを平文で保存しません。~/.pgpass（または pg_service.conf のサービス、スクリプトなら PGPASSWORD）に記載し、パスワードなしのアドレスを指定してください</translation>
        </message>
        <message>
            <source>the database address is not valid (port {port!r} is not a number); write it as postgresql://user@host:5432/consultdesk</source>
            <translation>データベースのアドレスが正しくありません（ポート {port!r} が数字ではありません）。postgresql://user@host:5432/consultdesk の形で書いてください</translation>
        </message>
        <message>
            <source>the database address is not valid (port {port!r} is not between 1 and 65535); write it as postgresql://user@host:5432/consultdesk</source>
            <translation>データベースのアドレスが正しくありません（ポート {port!r} が 1 から 65535 の範囲にありません）。postgresql://user@host:5432/consultdesk の形で書いてください</translation>
        </message>
        <message>
            <source>unknown sslmode {sslmode!r} in the database address (one of {value})</source>
            <translation>データベースのアドレスの sslmode {sslmode!r} は使えません（{value} のいずれか）</translation>
        </message>
        <message>
            <source>check the user name in the address and the password in ~/.pgpass (or PGPASSWORD, or keep it in the system keyring with consultdesk team password)</source>
            <translation>アドレスのユーザー名と ~/.pgpass（または PGPASSWORD、あるいは consultdesk team password でシステムのキーリングに保存したもの）のパスワードを確認してください</translation>
        </message>
        <message>
            <source>the database address is not valid ({value}); write it as postgresql://user@host:5432/consultdesk</source>
            <translation>データベースのアドレスが正しくありません（{value}）。postgresql://user@host:5432/consultdesk の形で書いてください</translation>
        </message>
        <message>
            <source>check the database name in the address, or ask for it to be created</source>
            <translation>アドレスのデータベース名を確認するか、データベースの作成を依頼してください</translation>
        </message>
        <message>
            <source>check the sslmode in the address and the server's certificate</source>
            <translation>アドレスの sslmode とサーバーの証明書を確認してください</translation>
        </message>
        <message>
            <source>check that the server is running, its address (Preferences ▸ Team database, --database or CONSULTDESK_DATABASE) and your network</source>
            <translation>サーバーが動いているか、サーバーのアドレス（［設定］の［チームデータベース］、--database または CONSULTDESK_DATABASE）、ネットワークを確認してください</translation>
        </message>
        <message>
            <source>the team database {where} was written by a newer ConsultDesk (schema {version}; this version reads up to {latest}); it has not been changed. Install the newer ConsultDesk.</source>
            <translation>チームデータベース {where} は新しい ConsultDesk で書かれています（スキーマ {version}。このバージョンが読めるのは {latest} までです）。変更はしていません。新しい ConsultDesk をインストールしてください。</translation>
        </message>
        <message>
            <source>the database {where} holds other tables and is not a ConsultDesk database; give ConsultDesk an empty database of its own</source>
            <translation>データベース {where} には別のテーブルがあり、ConsultDesk のデータベースではありません。ConsultDesk 専用の空のデータベースを用意してください</translation>
        </message>
        <message>
            <source>the database role may not create ConsultDesk's tables in {where} ({value}); ask for CREATE rights on the database's schema, once</source>
            <translation>データベースのロールには {where} に ConsultDesk のテーブルを作る権限がありません（{value}）。データベースのスキーマに対する CREATE 権限を一度だけ依頼してください</translation>
        </message>
        <message>
            <source>upgrading the team database {where} to schema {latest} failed ({value}); it was left as it was</source>
            <translation>チームデータベース {where} のスキーマ {latest} への更新に失敗しました（{value}）。元のままです</translation>
        </message>
        <message>
            <source>the team database server {where} is out of disk space: the last change was not saved and the previous text is kept; tell the server's administrator</source>
            <translation>チームデータベースのサーバー {where} のディスクがいっぱいです。最後の変更は保存されず、以前の文章が残っています。サーバーの管理者に連絡してください</translation>
        </message>
        <message>
            <source>the team database {where} is busy (another writer holds this answer); try again</source>
            <translation>チームデータベース {where} は使用中です（別の人がこの回答を書き込んでいます）。もう一度お試しください</translation>
        </message>
        <message>
            <source>the team database {where} is read-only (a standby server?); connect to the primary</source>
            <translation>チームデータベース {where} は読み取り専用です（スタンバイサーバーかもしれません）。プライマリに接続してください</translation>
        </message>
        <message>
            <source>the database role may not do this on {where} ({value})</source>
            <translation>データベースのロールには {where} でこの操作を行う権限がありません（{value}）</translation>
        </message>
        <message>
            <source>questionnaire {id!r} version {version} is already installed with different content; raise 'version' in the definition file to install the changed questionnaire</source>
            <translation>質問票 {id!r} のバージョン {version} は、内容の異なるものがすでにインストールされています。変更した質問票をインストールするには、定義ファイルの 'version' を上げてください</translation>
        </message>
        <message>
            <source>no response with id {response_id!r}</source>
            <translation>ID が {response_id!r} の回答はありません</translation>
        </message>
        <message>
            <source>no response with id {response_id!r} in the bin</source>
            <translation>ごみ箱に ID が {response_id!r} の回答はありません</translation>
        </message>
        <message>
            <source>no revision with id {revision_id}</source>
            <translation>ID が {revision_id} の版はありません</translation>
        </message>
        <message>
            <source>{dest} is not empty (it holds {responses} responses and {questionnaires} questionnaires); copy into an empty one, or add --merge to add the responses it does not hold yet</source>
            <translation>{dest} は空ではありません（回答 {responses} 件、質問票 {questionnaires} 件があります）。空のものにコピーするか、--merge を付けて、まだない回答を追加してください</translation>
        </message>
        <message>
            <source>copying {name} into {dest} did not add up ({n} rows copied, {found} found); nothing was kept</source>
            <translation>{name} を {dest} にコピーした結果が合いません（{n} 行コピーしたのに {found} 行）。何も残していません</translation>
        </message>
        <message>
            <source>copying {name}: {read} rows read but {n} written; nothing was kept</source>
            <translation>{name} のコピー：{read} 行読み込みましたが {n} 行しか書き込めませんでした。何も残していません</translation>
        </message>
        <message>
            <source>the answer changed while the contribution was being merged; nothing was overwritten (the merged text is in its History): merge again</source>
            <translation>反映中に回答が変更されたため、上書きしませんでした（反映しようとした文章は履歴にあります）。もう一度反映してください</translation>
        </message>
        <message>
            <source>{name}: the file name must end in .docx</source>
            <translation>{name}: ファイル名は .docx で終わる必要があります</translation>
        </message>
        <message>
            <source>{name} has no answer areas left to write in</source>
            <translation>{name} には記入できる回答欄が残っていません</translation>
        </message>
        <message>
            <source>{key}: the answer is longer than {limit:,} characters</source>
            <translation>{key}: 回答が {limit:,} 字を超えています</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <source>Assign to a contributor</source>
            <translation>協力機関に割り当て</translation>
        </message>
        <message>
            <source>Contributor</source>
            <translation>協力機関</translation>
        </message>
        <message>
            <source>&amp;Contributors…</source>
            <translation>協力機関(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Due date:</source>
            <translation>期限(&amp;D):</translation>
        </message>
        <message>
            <source>no share</source>
            <translation>割り当てなし</translation>
        </message>
        <message>
            <source>Shown to the contributor in the request</source>
            <translation>依頼文書に記載されます</translation>
        </message>
        <message>
            <source>Contributor:</source>
            <translation>協力機関：</translation>
        </message>
        <message>
            <source>&amp;Share of the limit:</source>
            <translation>分量の割り当て(&amp;S):</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>備考(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Assign</source>
            <translation>割り当て(&amp;A)</translation>
        </message>
        <message>
            <source>Add a contributor first (Contributors…).</source>
            <translation>先に協力機関を追加してください（協力機関…）。</translation>
        </message>
    </context>
    <context>
        <name>ContributionActions</name>
        <message>
            <source>&amp;Contributions</source>
            <translation>協力依頼(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Contributors…</source>
            <translation>協力機関(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Assign to a contributor…</source>
            <translation>協力機関に割り当て(&amp;A)…</translation>
        </message>
        <message>
            <source>Contributions &amp;board…</source>
            <translation>協力依頼の一覧(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Receive a contribution…</source>
            <translation>回答を受領(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Assign…</source>
            <translation>割り当て(&amp;A)…</translation>
        </message>
        <message>
            <source>Give this question to a contributor</source>
            <translation>この設問を協力機関に割り当てます</translation>
        </message>
        <message>
            <source>a new entry</source>
            <translation>新しい項目</translation>
        </message>
        <message>
            <source>Assign to a contributor</source>
            <translation>協力機関に割り当て</translation>
        </message>
        <message>
            <source>Choose text questions or repeating blocks in the list first.</source>
            <translation>先に一覧で記述式の設問または繰り返し項目を選んでください。</translation>
        </message>
        <message>
            <source>Assigned.</source>
            <translation>割り当てました。</translation>
        </message>
        <message>
            <source>Contribution merged (Ctrl+Z undoes it).</source>
            <translation>回答を反映しました（Ctrl+Z で元に戻せます）。</translation>
        </message>
        <message>
            <source>Receive a contribution</source>
            <translation>回答を受領</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word 文書 (*.docx)</translation>
        </message>
        <message>
            <source>{file} was received for another response; open that response to merge it.</source>
            <translation>{file} は別の回答のものとして受領しました。その回答を開いて反映してください。</translation>
        </message>
        <message numerus="yes">
            <source>From %1: %n answer(s) received.</source>
            <translation>
                <numerusform>%1 から %n 件の回答を受領しました。</numerusform>
            </translation>
        </message>
        <message>
            <source>Already received: {items}</source>
            <translation>受領済み：{items}</translation>
        </message>
        <message>
            <source>Not found in the file: {items}</source>
            <translation>ファイル内に見つかりません：{items}</translation>
        </message>
        <message>
            <source>Left empty: {items}</source>
            <translation>未記入：{items}</translation>
        </message>
        <message>
            <source>Question {number}</source>
            <translation>問 {number}</translation>
        </message>
        <message>
            <source>{question} (a new {entry})</source>
            <translation>{question}（新しい{entry}）</translation>
        </message>
        <message>
            <source>{question} ({entry} {n})</source>
            <translation>{question}（{entry} {n}）</translation>
        </message>
        <message>
            <source>{item}: {field}</source>
            <translation>{item}：{field}</translation>
        </message>
    </context>
    <context>
        <name>ContributionsBoard</name>
        <message>
            <source>Contributions</source>
            <translation>協力依頼</translation>
        </message>
        <message>
            <source>Contributor</source>
            <translation>協力機関</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状況</translation>
        </message>
        <message>
            <source>All</source>
            <translation>すべて</translation>
        </message>
        <message>
            <source>Requested</source>
            <translation>依頼中</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>期限超過</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>受領</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>反映済み</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Length</source>
            <translation>分量</translation>
        </message>
        <message>
            <source>Write &amp;request…</source>
            <translation>依頼文書を作成(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;E-mail request…</source>
            <translation>依頼をメールで送る(&amp;E)…</translation>
        </message>
        <message>
            <source>Re&amp;mind…</source>
            <translation>督促(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;Merge…</source>
            <translation>反映(&amp;M)…</translation>
        </message>
        <message>
            <source>Contributor:</source>
            <translation>協力機関：</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>状況：</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>すべての機関</translation>
        </message>
        <message>
            <source>Superseded</source>
            <translation>差し替え済み</translation>
        </message>
        <message>
            <source>(share {n})</source>
            <translation>（割り当て {n}）</translation>
        </message>
        <message>
            <source>{total} assigned, {late} overdue, {waiting} to merge</source>
            <translation>割り当て {total} 件、期限超過 {late} 件、未反映 {waiting} 件</translation>
        </message>
        <message>
            <source>Choose a contributor (a row, or the filter).</source>
            <translation>協力機関を選んでください（行またはフィルター）。</translation>
        </message>
        <message>
            <source>Save the request</source>
            <translation>依頼文書を保存</translation>
        </message>
        <message>
            <source>Request for input - {tag}.docx</source>
            <translation>回答作成依頼 - {tag}.docx</translation>
        </message>
        <message>
            <source>Reminder - {tag}.eml</source>
            <translation>督促 - {tag}.eml</translation>
        </message>
        <message>
            <source>Request - {tag}.eml</source>
            <translation>回答作成依頼 - {tag}.eml</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word 文書 (*.docx)</translation>
        </message>
        <message>
            <source>The e-mail draft is saved as {path}; open it with your mail program.</source>
            <translation>メールの下書きを {path} に保存しました。メールソフトで開いてください。</translation>
        </message>
        <message>
            <source>Choose a received contribution to merge.</source>
            <translation>反映する受領済みの回答を選んでください。</translation>
        </message>
    </context>
    <context>
        <name>ContributorsDialog</name>
        <message>
            <source>Contributors</source>
            <translation>協力機関</translation>
        </message>
        <message>
            <source>e.g. NPA</source>
            <translation>例：NPA</translation>
        </message>
        <message>
            <source>e.g. National Police Agency</source>
            <translation>例：警察庁</translation>
        </message>
        <message>
            <source>&amp;Tag:</source>
            <translation>略称(&amp;T):</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N):</translation>
        </message>
        <message>
            <source>&amp;Contact person:</source>
            <translation>担当者(&amp;C):</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>メール(&amp;E):</translation>
        </message>
        <message>
            <source>&amp;Save contributor</source>
            <translation>協力機関を保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;New</source>
            <translation>新規(&amp;N)</translation>
        </message>
    </context>
    <context>
        <name>MergePanel</name>
        <message>
            <source>Turn pointers to other answers (“See the answer for Q2”) into live references ({count} found)</source>
            <translation>他の回答を指す記述（「See the answer for Q2」など）を自動更新される参照に変える（{count} 件）</translation>
        </message>
        <message>
            <source>Contribution</source>
            <translation>協力機関の回答</translation>
        </message>
        <message>
            <source>&amp;Append</source>
            <translation>末尾に追加(&amp;A)</translation>
        </message>
        <message>
            <source>Add it after the answer</source>
            <translation>回答の末尾に追加します</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>置き換え(&amp;R)</translation>
        </message>
        <message>
            <source>Replace the answer with it</source>
            <translation>回答をこの内容で置き換えます</translation>
        </message>
        <message>
            <source>&amp;Insert at cursor</source>
            <translation>カーソル位置に挿入(&amp;I)</translation>
        </message>
        <message>
            <source>Insert it after the paragraph with the cursor</source>
            <translation>カーソルのある段落の後に挿入します</translation>
        </message>
        <message>
            <source>&amp;Edit first</source>
            <translation>編集してから反映(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Undo merge</source>
            <translation>反映を取り消す(&amp;U)</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>From {who}, received {when}</source>
            <translation>{who}、{when} 受領</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>反映</translation>
        </message>
        <message>
            <source>Their share: about {n}</source>
            <translation>割り当て：約{n}</translation>
        </message>
    </context>
    <context>
        <name>ReplyDialog</name>
        <message>
            <source>&amp;Answer a request for input…</source>
            <translation>回答作成依頼に回答(&amp;A)…</translation>
        </message>
        <message>
            <source>Open a request .docx sent to you, answer it with the counter, save the reply</source>
            <translation>届いた依頼文書（.docx）を開き、字数を見ながら回答して返送用に保存します</translation>
        </message>
        <message>
            <source>Answer a request for input</source>
            <translation>回答作成依頼に回答</translation>
        </message>
        <message>
            <source>&amp;Save the reply…</source>
            <translation>回答を保存(&amp;S)…</translation>
        </message>
        <message>
            <source>Save the reply</source>
            <translation>回答を保存</translation>
        </message>
        <message>
            <source>{name} - reply.docx</source>
            <translation>{name} - 回答.docx</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word 文書 (*.docx)</translation>
        </message>
    </context>
    <context>
        <name>TeamDatabaseBox</name>
        <message>
            <source>Team database</source>
            <translation>チームデータベース</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>接続をテスト(&amp;T)</translation>
        </message>
        <message>
            <source>Leave empty to keep your responses on this computer. The password is never part of the address: put it in ~/.pgpass (or a pg_service.conf service), or keep it in the system keyring. A change applies the next time ConsultDesk starts.</source>
            <translation>空欄のままにすると、回答はこのコンピューターに保存されます。パスワードはアドレスに含めず、~/.pgpass か pg_service.conf、またはシステムのキーリングに保存します。変更は次回の起動時に反映されます。</translation>
        </message>
        <message>
            <source>only if ~/.pgpass does not have it</source>
            <translation>~/.pgpass にない場合のみ</translation>
        </message>
        <message>
            <source>&amp;Keep in the system keyring</source>
            <translation>システムのキーリングに保存(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>パスワード(&amp;P):</translation>
        </message>
        <message>
            <source>Type the server's address and the password first.</source>
            <translation>先にサーバーのアドレスとパスワードを入力してください。</translation>
        </message>
        <message>
            <source>Not kept: %1</source>
            <translation>保存できませんでした：%1</translation>
        </message>
        <message>
            <source>Kept in the system keyring for %1.</source>
            <translation>%1 のパスワードをシステムのキーリングに保存しました。</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>サーバー(&amp;S):</translation>
        </message>
        <message>
            <source>No server: your responses stay on this computer.</source>
            <translation>サーバーなし：回答はこのコンピューターに保存されます。</translation>
        </message>
        <message>
            <source>Cannot connect: %1</source>
            <translation>接続できません：%1</translation>
        </message>
        <message numerus="yes">
            <source>Connected to %1 as %2: %n response(s).</source>
            <translation>
                <numerusform>%1 に %2 として接続しました（回答 %n 件）。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PresenceLine</name>
        <message>
            <source>Who else is editing</source>
            <translation>ほかに編集中の人</translation>
        </message>
        <message>
            <source>%1 is editing Q%2</source>
            <translation>%1 さんが問 %2 を編集中</translation>
        </message>
        <message>
            <source>%1 has this response open</source>
            <translation>%1 さんがこの回答を開いています</translation>
        </message>
    </context>
    <context>
        <name>OfflineBanner</name>
        <message>
            <source>Offline — your changes are kept on this computer and will be sent when the server is back</source>
            <translation>オフライン — 変更はこのコンピューターに保存されており、サーバーが復旧すると送信されます</translation>
        </message>
    </context>
    <context>
        <name>UnreachableDialog</name>
        <message>
            <source>The team database cannot be reached</source>
            <translation>チームデータベースに接続できません</translation>
        </message>
        <message>
            <source>ConsultDesk cannot reach the team database server.</source>
            <translation>ConsultDesk はチームデータベースのサーバーに接続できません。</translation>
        </message>
        <message numerus="yes">
            <source>You can work on the %n response(s) last opened on this computer: what you type is kept here and sent to the server when ConsultDesk connects again.</source>
            <translation>
                <numerusform>このコンピューターで最後に開いた %n 件の回答で作業を続けられます。入力した内容はこのコンピューターに保存され、ConsultDesk が再接続したときにサーバーへ送信されます。</numerusform>
            </translation>
        </message>
        <message>
            <source>No response of this team database has been opened on this computer yet, so there is nothing to work on without the server.</source>
            <translation>このチームデータベースの回答はまだこのコンピューターで開かれていないため、サーバーなしで作業できるものはありません。</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>再試行(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Work on the copies on this computer</source>
            <translation>このコンピューターのコピーで作業(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
    </context>
    <context>
        <name>OfflineBar</name>
        <message>
            <source>Offline — the team database %1 cannot be reached. These are the responses last opened on this computer; what you type is kept here and sent when ConsultDesk connects again.</source>
            <translation>オフライン — チームデータベース %1 に接続できません。これはこのコンピューターで最後に開いた回答です。入力した内容はここに保存され、ConsultDesk が再接続したときに送信されます。</translation>
        </message>
        <message>
            <source>&amp;Connect again</source>
            <translation>再接続(&amp;C)</translation>
        </message>
        <message>
            <source>Still offline: %1</source>
            <translation>まだオフラインです：%1</translation>
        </message>
        <message>
            <source>Connecting to the team database…</source>
            <translation>チームデータベースに接続しています…</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>the password could not be kept in the system keyring ({value}); put it in ~/.pgpass instead</source>
            <translation>パスワードをシステムのキーリングに保存できませんでした（{value}）。代わりに ~/.pgpass に記入してください</translation>
        </message>
        <message>
            <source>the team database server {where} cannot be reached: the changes are kept on this computer until ConsultDesk connects again</source>
            <translation>チームデータベースのサーバー {where} に接続できません。変更は ConsultDesk が再接続するまでこのコンピューターに保存されます</translation>
        </message>
        <message>
            <source>the team database server {where} cannot be reached: ConsultDesk is working on the copies kept on this computer, and this needs the server; answers you type are kept and sent when it is back</source>
            <translation>チームデータベースのサーバー {where} に接続できません。ConsultDesk はこのコンピューターに保存されたコピーで作業中で、この操作にはサーバーが必要です。入力した回答は保存され、サーバーが復旧すると送信されます</translation>
        </message>
        <message>
            <source>there is no copy of the team database {where} on this computer yet (a response is copied when you open it while connected)</source>
            <translation>チームデータベース {where} のコピーはまだこのコンピューターにありません（回答は接続中に開いたときにコピーされます）</translation>
        </message>
        <message>
            <source>cannot open the outbox {path} ({exc})</source>
            <translation>送信待ちファイル {path} を開けません（{exc}）</translation>
        </message>
        <message>
            <source>cannot write the outbox {path} ({exc}); the edit is still in the window</source>
            <translation>送信待ちファイル {path} に書き込めません（{exc}）。編集内容はウィンドウに残っています</translation>
        </message>
        <message>
            <source>the answer box {slot!r}</source>
            <translation>回答欄 {slot!r}</translation>
        </message>
        <message>
            <source>“{label}”</source>
            <translation>「{label}」</translation>
        </message>
        <message>
            <source>“{text}”</source>
            <translation>「{text}」</translation>
        </message>
        <message>
            <source>{where} ({entry} {index}, {field})</source>
            <translation>{where}（{entry} {index}、{field}）</translation>
        </message>
        <message>
            <source>the text</source>
            <translation>本文</translation>
        </message>
        <message>
            <source>the title</source>
            <translation>件名</translation>
        </message>
        <message>
            <source>the author</source>
            <translation>作成者</translation>
        </message>
        <message>
            <source>the request's cover</source>
            <translation>依頼文の冒頭</translation>
        </message>
        <message>
            <source>a section heading</source>
            <translation>章見出し</translation>
        </message>
        <message>
            <source>the annex</source>
            <translation>付録</translation>
        </message>
        <message>
            <source>{place}</source>
            <translation>{place}</translation>
        </message>
        <message>
            <source>{where}: removed 1 control character that a Word document cannot hold (pasted from another program?); the exported text is 1 character shorter than the draft</source>
            <translation>{where}：Word 文書に入れられない制御文字を 1 文字削除しました（他のプログラムから貼り付けた文章ですか？）。書き出した文章は下書きより 1 文字短くなっています</translation>
        </message>
        <message>
            <source>{where}: removed {count} control characters that a Word document cannot hold (pasted from another program?); the exported text is {count} characters shorter than the draft</source>
            <translation>{where}：Word 文書に入れられない制御文字を {count} 文字削除しました（他のプログラムから貼り付けた文章ですか？）。書き出した文章は下書きより {count} 文字短くなっています</translation>
        </message>
        <message>
            <source>Question {number}</source>
            <translation>問 {number}</translation>
        </message>
        <message>
            <source>the response's title</source>
            <translation>回答の件名</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
    </context>
    <context>
        <name>ConflictBar</name>
        <message>
            <source>&amp;Done merging</source>
            <translation>統合を完了(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Keep mine</source>
            <translation>自分の版を残す(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Merge by hand</source>
            <translation>手作業で統合(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Take theirs</source>
            <translation>相手の版を採用(&amp;T)</translation>
        </message>
        <message>
            <source>Add their paragraphs to yours, edit, then press Done merging</source>
            <translation>相手の段落を自分の文章に加えて編集し、「統合を完了」を押します</translation>
        </message>
        <message>
            <source>Changed elsewhere</source>
            <translation>別の場所で変更されました</translation>
        </message>
        <message>
            <source>Differences from their version to yours</source>
            <translation>相手の版から自分の版への違い</translation>
        </message>
        <message>
            <source>Differences: struck through only in theirs, highlighted only in yours</source>
            <translation>違い：取り消し線は相手の版だけ、強調表示は自分の版だけにある部分</translation>
        </message>
        <message>
            <source>Their text becomes the answer; yours is kept in History</source>
            <translation>相手の文章を回答にします。自分の文章は履歴に残ります</translation>
        </message>
        <message>
            <source>Their version</source>
            <translation>相手の版</translation>
        </message>
        <message>
            <source>Your edited text becomes the answer; both earlier texts are kept in History</source>
            <translation>編集した文章を回答にします。元の二つの文章は履歴に残ります</translation>
        </message>
        <message>
            <source>Your text becomes the answer; theirs is kept in History</source>
            <translation>自分の文章を回答にします。相手の文章は履歴に残ります</translation>
        </message>
        <message>
            <source>{author} changed this answer at {time} while you were editing it. Both texts are kept: choose which becomes the answer.</source>
            <translation>編集中に {author} が {time} にこの回答を変更しました。両方の文章を保存してあります。どちらを回答にするか選んでください。</translation>
        </message>
    </context>
    <context>
        <name>ConflictKeeper</name>
        <message>
            <source>Your text could not be saved yet; nothing was changed. Try again in a moment.</source>
            <translation>文章をまだ保存できません。何も変更していません。少し待ってからもう一度お試しください。</translation>
        </message>
    </context>
    <context>
        <name>LiveRefreshController</name>
        <message>
            <source>Changed by {author} at {time}.</source>
            <translation>{author} が {time} に変更しました。</translation>
        </message>
        <message>
            <source>Changed elsewhere</source>
            <translation>別の場所で変更されました</translation>
        </message>
        <message>
            <source>Changed elsewhere while you were editing</source>
            <translation>編集中に別の場所で変更されました</translation>
        </message>
        <message>
            <source>Changed elsewhere: your text is kept aside until you choose</source>
            <translation>別の場所で変更されました。選ぶまで自分の文章は別に保存してあります</translation>
        </message>
        <message>
            <source>Question {n}</source>
            <translation>問 {n}</translation>
        </message>
        <message>
            <source>Their text is the answer; yours is kept in History (Ctrl+Z brings it back here).</source>
            <translation>相手の文章を回答にしました。自分の文章は履歴に残っています（Ctrl+Z でここに戻せます）。</translation>
        </message>
        <message>
            <source>Your text is the answer; the other is kept in History.</source>
            <translation>自分の文章を回答にしました。もう一方は履歴に残っています。</translation>
        </message>
        <message>
            <source>{question} was changed by {author}.</source>
            <translation>{question} が {author} によって変更されました。</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>保存しました</translation>
        </message>
    </context>
    <context>
        <name>ComparePanel</name>
        <message>
            <source>The earlier answer, compared with this one</source>
            <translation>前回の回答（今回との比較）</translation>
        </message>
        <message>
            <source>&amp;Use the earlier answer</source>
            <translation>前回の回答を使う(&amp;U)</translation>
        </message>
        <message>
            <source>Replace this answer with last time's (a revision of it is kept; Ctrl+Z undoes)</source>
            <translation>この回答を前回の回答で置き換えます（今の回答は版として残り、Ctrl+Z で元に戻せます）</translation>
        </message>
        <message>
            <source>Struck through: only last time. Highlighted: only now. Select text to copy part of it.</source>
            <translation>取り消し線：前回のみ。強調表示：今回のみ。一部だけコピーするには文字列を選択してください。</translation>
        </message>
        <message>
            <source>Last time, in “{title}”:</source>
            <translation>前回（「{title}」）：</translation>
        </message>
        <message>
            <source>(no answer last time)</source>
            <translation>（前回は回答なし）</translation>
        </message>
    </context>
    <context>
        <name>ReferenceActions</name>
        <message>
            <source>&amp;Reference to another answer…</source>
            <translation>他の回答への参照(&amp;R)…</translation>
        </message>
    </context>
    <context>
        <name>ReferenceChooser</name>
        <message>
            <source>Reference to another answer</source>
            <translation>他の回答への参照</translation>
        </message>
        <message>
            <source>The reference always shows the question's current number.</source>
            <translation>参照には常にその設問の現在の番号が表示されます。</translation>
        </message>
        <message>
            <source>Filter by number or words</source>
            <translation>番号または語句で絞り込み</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>絞り込み</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>設問</translation>
        </message>
        <message>
            <source>Insert</source>
            <translation>挿入</translation>
        </message>
        <message>
            <source>No question matches “{text}”.</source>
            <translation>「{text}」に一致する設問はありません。</translation>
        </message>
    </context>
    <context>
        <name>ReferenceOfferBar</name>
        <message>
            <source>Reference offer</source>
            <translation>参照への変換の提案</translation>
        </message>
        <message>
            <source>Leave the text as it is</source>
            <translation>このままにする</translation>
        </message>
        <message>
            <source>This text refers to {label}. Turn it into a live reference?</source>
            <translation>この文は {label} を指しています。自動更新される参照に変えますか？</translation>
        </message>
        <message>
            <source>Turn into a reference</source>
            <translation>参照に変える</translation>
        </message>
        <message>
            <source>This text refers to {labels}. Turn them into live references?</source>
            <translation>この文は {labels} を指しています。自動更新される参照に変えますか？</translation>
        </message>
        <message>
            <source>Turn into references</source>
            <translation>参照に変える</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Something went wrong, and ConsultDesk could not finish what it was doing. Your answers are saved as you type.</source>
            <translation>問題が発生したため、ConsultDesk は実行中の操作を完了できませんでした。回答は入力のたびに保存されています。</translation>
        </message>
        <message>
            <source>If it happens again, send your support the details (under “%2”) or the file %1.</source>
            <translation>再び起こる場合は、「%2」で表示される詳細、またはファイル %1 をサポート担当者に送ってください。</translation>
        </message>
        <message>
            <source>If it happens again, send your support the details (under “%1”).</source>
            <translation>再び起こる場合は、「%1」で表示される詳細をサポート担当者に送ってください。</translation>
        </message>
    </context>
</TS>
