/**
 * Domain words the segmenter relies on: how section titles end, which numbered labels belong to the
 * template tables, and what opens a table.
 */

/** Words section titles usually end with, strongest first (情况, 事项 …). */
export const TITLE_END_STRONG =
  /(?:情况|事项|措施|概述|引言|打算|方面|做法|数量|类别|形式|成效|附表|统计表|思路|计划|要点|总体情况|基本情况)/g;
/** Weaker endings, used only when no strong one is found. */
export const TITLE_END_WEAK =
  /(?:公开|建设|机制|制度|管理|平台|工作|改进|保障|问题|目录|指南|宣传|培训|解读|回应|领导|监督|考核|服务|内容|渠道|质量|效能|规范|力度)/g;

/**
 * Row labels of the 2019/2021 template table 三 (收到和处理申请): numbered like headings but table content.
 * These are specific enough to reject anywhere.
 */
export const TABLE_LABEL_STRONG =
  /^(?:本年新收政府信息公开申请数量?|上年结转政府信息公开申请数量?|本年度办\s*理结果|结转下年度继续办理)/;

/** Short row labels that are table content only inside a table region. */
export const TABLE_LABEL_WEAK =
  /^(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|其他|总计|属于|其他法律|危及|保护第三方|本机关不掌握|没有现成信息|补正后|信访举报|重复申请|要求提供|无正当理由|要求行政机关|申请人)/;

/** Where a template or statistics table starts: numbered labels after this are table content. */
export const TABLE_START =
  /第二十条第\s*[（(]|勾稽关系|申请人情况|指标名称|统计指标|信息内容\s*(?:本年|上一年)|本年新收政府信息公开申请数量/g;

/** Words that make a numbered phrase read like a report section title. */
export const SECTION_WORDS = /情况|事项|措施|概述|问题|公开|工作|建设|打算/;

/** Titles of the top-level parts of the 2019/2021 template and of the four parts of the old 《条例》 report. */
const TEMPLATE_PARTS = [
  '概述|总体情况|基本情况',
  '(?:政府信息)?主动公开(?:政府信息)?(?:的|工作)?情况',
  '(?:政府信息)?依申请公开(?:政府信息)?(?:的|工作)?情况',
  '收到和处理政府信息公开申请(?:的)?情况',
  '(?:政府信息公开)?(?:的)?行政(?:法)?复议、行政诉讼(?:的)?情况',
  '(?:政府信息公开工作)?存在的主要问题(?:及|和)改进(?:情况|措施)',
  '其他需要报告的事项',
].join('|');

/**
 * The title of a top-level part of the template: specific enough that the heading is one wherever it
 * stands, even out of turn or glued to a table.
 */
export const TEMPLATE_PART_TITLE = new RegExp(`^(?:${TEMPLATE_PARTS})$`);

/** A template part title standing without its number, after a line start, a space, a sentence end or a figure. */
export const UNNUMBERED_PART = new RegExp(`(?<=^|[\\s。；;\\d])(?:${TEMPLATE_PARTS})`, 'gm');
