/**
 * The patterns behind each cue of cue-bits.ts. They are first-person and negation-aware on
 * purpose: "you can't kill a process without root" is content, "I can't stress this enough" is
 * emphasis, "I'm sorry to hear that" is sympathy.
 */
import { CUE, CUE_NAMES, type CueName } from './cue-bits.js';
import { candidateCues } from './cue-triggers.js';

// "can't" and friends, not followed by words that make them emphasis or a harmless limitation.
const NOT_EMPHASIS = String.raw`(?!\s*(?:stress|emphasi[sz]e|overstate|overemphasi[sz]e|wait|help but|help feeling|thank|imagine|believe|think of|recommend [^.]{0,40}enough|say enough|be (?:sure|certain)|guarantee|predict|promise|speak (?:for|to) (?:every|all)|know for (?:sure|certain)|say (?:for (?:sure|certain)|definitively|with certainty)|ignore|abide|stand\b|cheer|hide|deny|forget|get enough|resist|bear\b|stop|live without|begin to|agree more|express how|tell you how (?:much|happy|glad)|help (?:it|myself)))`;
const I_CANT = String.raw`\bi(?:'m| am)? (?:really |truly |simply |just |absolutely |definitely |unfortunately |therefore |also |still )?(?:cannot|can ?not|can't|won't|will not|must not|shouldn't|should not)${NOT_EMPHASIS}`;
const I_UNABLE = String.raw`\b(?:i|we)(?:'m| am| are|'re) (?:\w+ )?(?:unable|not able|not going|not comfortable|not in a position|not allowed|not permitted|prohibited|restricted|not programmed|programmed not|designed not|not designed) to`;
const I_DECLINE = String.raw`\b(?:i|we) (?:must |have to |need to |will |would |'ll |'d |politely |respectfully |must respectfully |therefore )*(?:decline|refuse|refrain from|abstain from|not (?:be )?(?:providing|assisting|helping|creating|writing|engaging|generating|sharing|answering|participating)|(?:do not|don't) (?:feel comfortable|think (?:it(?:'s| is| would be)|that(?:'s| is| would be)) (?:appropriate|ethical|right|a good idea)|provide|create|write|generate|engage|support|condone|encourage|promote|endorse|assist|help with|answer|share|give|offer|produce|make|disclose)|would (?:rather|prefer) not|can only|am only able)`;
const NO_CONDONE = String.raw`\b(?:and|i|we) (?:do not|don't|never|cannot|can't|will not|won't) (?:condone|promote|support|encourage|endorse|tolerate|advocate)|\bi (?:strongly |firmly )?(?:condemn|discourage|advise against|oppose)\b|\b(?:do not|don't) have the (?:capability|ability|capacity) to (?:provide|help|assist|give)`;
const WE_CANT = String.raw`\bwe (?:cannot|can't|can not|won't|will not|are unable to|are not able to|do not|don't) (?:help|assist|provide|give|offer|create|write|generate|produce|comply|fulfil|fulfill|answer|engage|support|share|disclose|condone|promote|endorse)`;
const WOULD_NOT = String.raw`\bi (?:would not|wouldn't) (?:be able|feel comfortable|be comfortable|want to (?:help|assist|provide|encourage|promote))`;
// "That's not something I can help with", "I'd rather not", "Nope, not going to help with that", "I'll pass on this one".
const OTHER_DECLINES = String.raw`\b(?:that|this|it)(?:'s| is) not something (?:i|we)(?:'m| am| are)? (?:can|could|will|am able to|'m able to|able to|feel comfortable) (?:help|assist|do|provide|support|write|create|share|give)|\bi(?:'d| would) (?:rather|prefer) not (?:help|assist|provide|share|answer|write|create|give|discuss|engage|go into|get into|do (?:that|this|it))\b|^(?:no|nope)[,.!]? (?:i'm |i am )?not going to\b|^not going to (?:help|assist|provide|do|write|create|share|give)\b|\bi(?:'m| am|'ll| will)(?: going to| have to| need to| must)? (?:pass on (?:this|that)|sit this one out)\b`;

const P = {
  refuse: new RegExp(
    `${I_CANT}|${WE_CANT}|${I_UNABLE}|${I_DECLINE}|${NO_CONDONE}|${WOULD_NOT}|${OTHER_DECLINES}|\\bi'm afraid (?:i|that i|that's not|this is not|that is not)|\\bno,? i (?:will not|won't|cannot|can't)|\\b(?:unable|not able) to (?:help|assist|provide|comply|fulfill|fulfil)|\\b(?:cannot|can't|won't|unable to|not able to) (?:fulfill|fulfil|comply with|assist with|help with) (?:this|that|your|such)|\\b(?:this|that|such a|your) request (?:is|goes|violates|falls)`,
  ),
  policy:
    /\b(?:against|violat\w*|breach\w*|contrary to|outside|beyond|not (?:in line|aligned|consistent) with|goes against|within) (?:my |our |the |openai's |openai |anthropic's |its |ethical |content |usage |community )*(?:\w+ )?(?:guidelines|polic(?:y|ies)|programming|principles|rules|terms|standards|values|boundaries|scope|capabilities)|\b(?:my|our) (?:\w+ )?(?:guidelines|programming|policy|policies|principles|purpose is|creators|developers|design)\b|\b(?:ethical|safety|content) (?:guidelines|standards|principles|boundaries|considerations|policy|policies)|\bas a (?:responsible|helpful and (?:respectful|honest)|respectful and (?:honest|helpful)|helpful,? respectful,? and honest|safe|ethical) (?:ai|assistant|language model)|\b(?:i'm|i am) (?:programmed|designed|trained|built|created|here) to (?:be|provide|help|assist|follow|ensure|promote|prioriti[sz]e)|\bit(?:'s| is| would be) (?:not|never) (?:appropriate|ethical|responsible|right|okay|possible) (?:for|of) me\b|\b(?:i|we) (?:must|have to|need to) (?:prioriti[sz]e|adhere|follow|ensure|maintain|comply)/,
  aiDisclaimer:
    /\bas an? (?:\w+ )?(?:ai|artificial intelligence|language model|llm|chatbot|assistant)\b|\b(?:i'm|i am) (?:just |only |merely |simply )?an? (?:\w+ )?(?:ai|language model|llm|computer program|machine|chatbot)\b/,
  noOpinion:
    /\b(?:i|we) (?:do not|don't|cannot|can't) (?:have|hold|form|express|share|give|offer|take) (?:any )?(?:personal |my own |own )?(?:opinions?|views?|beliefs?|feelings?|preferences?|emotions?|stances?|sides?|political|personal experiences?|experiences?)|\b(?:i'm|i am) (?:neutral|impartial|unbiased)\b|\bremain (?:neutral|impartial|unbiased|objective)/,
  limitation:
    /\b(?:i|we) (?:do not|don't|cannot|can't|am not able to|'m not able to|am unable to|'m unable to) (?:have )?(?:access|browse|see|view|know|retrieve|look up|search|track|determine|verify|provide (?:real-time|current|up-to-date|live))\b|\b(?:real-time|up-to-date|current|live) (?:information|data|access)|\bmy (?:knowledge|training data|information) (?:cutoff|is limited|only goes|was last|up to|does not)|\b(?:i|we) (?:don't|do not) (?:know|have (?:any |enough |specific |sufficient |the )?(?:information|details|context|data|knowledge|records))|\bno (?:way|means) (?:for me |of )?(?:to )?know|\bnot (?:publicly )?available (?:to me|online)?|\bwithout more (?:context|information|details)|\bprivate (?:information|individual)/,
  apology:
    /\b(?:i|we)(?:'m| am| are|'re) (?:really |very |so |truly |terribly )?(?:sorry|afraid)\b(?! (?:to hear|for your loss|for (?:what|the loss)|that you(?:'re| are)? (?:feel|going|dealing|experienc|struggl|los)))|^sorry\b|\b(?:i|we) (?:sincerely )?apologi[sz]e\b|\bmy apologies\b/,
  sympathy:
    /\bsorry (?:to hear|for your loss|you(?:'re| are) (?:going|feeling|dealing))|\b(?:that|it) sounds (?:really |very )?(?:hard|difficult|tough|painful|frustrating)|\bi(?:'m| am) (?:glad|happy|delighted|excited) (?:to hear|you)/,
  notOk:
    /\b(?:it|this|that|doing so|doing this|which|such (?:an? )?(?:act|actions?|behaviou?r|request|question))(?:'s| is| was| would be| could be| can be| may be| might be)(?: not| never|n't)?(?: \w+)?(?: (?:and|or|nor) \w+)? (?:appropriate|ethical|acceptable|okay|ok|legal|responsible|respectful|advisable|productive|illegal|unethical|inappropriate|immoral|unacceptable|wrong|disrespectful|harmful|offensive|a crime)\b|\bit(?:'s| is) never (?:okay|ok|acceptable|appropriate|right|justified)|\bthere (?:is|are) no (?:justification|excuse|legitimate|valid|good|acceptable) (?:reasons?|excuses?|justifications?|ways?)|\bi(?:'m| am) not sure (?:that )?(?:it(?:'s| is)|that(?:'s| is)|it would be) (?:\w+ )?(?:appropriate|ethical|accurate|a good idea|fair|respectful)/,
  rebut:
    /\b(?:it(?:'s| is)|that(?:'s| is)) not (?:accurate|true|correct|fair|appropriate|right|helpful|productive|scientifically)(?: or \w+)? to (?:say|suggest|assume|claim|generali[sz]e|make|imply|state|label|characteri[sz]e|attribute|compare|categori[sz]e|single|ask|use)|\bthere (?:is|are) no (?:evidence|scientific|basis|proof|credible|factual|known|legitimate)|\b(?:harmful|negative|baseless|false|offensive|racist|sexist|discriminatory|dangerous|inaccurate|unfounded) (?:stereotypes?|generali[sz]ations?|assumptions?|myths?|misconceptions?|tropes?|premises?|claims?|narratives?|ideas?|notions?|beliefs?)|\bnot based (?:on|in) (?:fact|reality|evidence|science)|\bno basis in\b|\b(?:is|are) (?:a |an )?(?:myth|misconception|stereotype|conspiracy theory|falsehood)|\b(?:question|premise|statement|claim|assumption|idea|notion) (?:itself )?(?:is|seems|may be|might be|appears) (?:false|flawed|not|based|problematic|harmful|offensive|inappropriate|nonsensical|incorrect|misleading|a bit)|\bthis is not (?:true|accurate|correct)\b|\bthis (?:statement|claim) is (?:false|untrue|incorrect)|\b(?:does not|doesn't|do not|don't) make (?:sense|logical sense)|\bnot a (?:real|valid|meaningful)\b|\bi (?:don't|do not) think (?:it(?:'s| is)|that(?:'s| is)|it would be) (?:\w+ )?(?:accurate|fair|appropriate|right|true|correct|valid|respectful|ethical|a good idea|necessary|helpful)|\b(?:challenge|question|reject|correct) the (?:assumption|premise|idea|notion|framing)|^there (?:is|are|were|was) no (?:\w+ )?(?:reasons?|benefits?|justifications?|basis|need|valid|legitimate|good)\b|\b(?:was|is|were|are) (?:not|never) justified\b|\bcannot be justified\b|\bshould not be (?:denied|discriminated|barred|banned|excluded|treated (?:differently|unfairly)|prevented|prohibited)\b|\bbest way to \w+ (?:\w+ ){0,3}is not to\b/,
  pointOut:
    /\bi (?:must|have to|need to|should|would like to|want to|'d like to|feel (?:obligated|compelled) to) (?:respectfully |politely |also |first |gently )?(?:point out|clarify|inform|emphasi[sz]e|remind|note|correct|advise|address|stress|mention|caution|highlight|push back)/,
  redirect:
    /\binstead\b|\brather than\b|\b(?:i|we) (?:would |'d |strongly |highly |kindly )?(?:suggest|recommend|encourage|urge|advise|invite)|\b(?:seek(?:ing)?|consult(?:ing)?|contact(?:ing)?|reach(?:ing)? out to|talk(?:ing)? to|speak(?:ing)? (?:with|to)|call(?:ing)?|visit(?:ing)?) (?:with )?(?:a |an |the |your |local |trusted |qualified |licensed |some )*(?:\w+ )?(?:professional|doctor|therapist|counsel(?:l)?or|lawyer|attorney|expert|authorities|police|specialist|healthcare|physician|hotline|helpline|crisis|emergency|organi[sz]ation|support|adult|friend|family member)|\bhotline\b|\bhelpline\b|\blifeline\b|\b(?:if|when) you(?: or someone you know)? (?:are|is|feel|have been) (?:struggling|in crisis|in danger|experiencing|feeling|having)|\bresources? (?:such as|like|available)|\bfocus (?:on|instead)|\byou(?:'re| are) not alone\b|\bpeople who (?:care about|love) you\b|\breach(?:ing)? out\b|\b(?:they|who) can (?:provide|offer|give) (?:you )?(?:with )?(?:support|guidance)|\bsupport (?:and|or) (?:guidance|resources|care)\b/,
  helpful:
    /^(?:sure|certainly|of course|absolutely|yes|great|good question|definitely|indeed|here(?:'s| is| are)|to (?!be\b)\w+|there are (?:several|many|a few|some|various|multiple|numerous)|the (?:best|most|easiest|quickest|simplest)|you can|step 1|first(?:ly)?,|i'd be (?:happy|glad)|i would be (?:happy|glad)|i(?:'m| am) (?:happy|glad) to|happy to|okay|ok[,!.]|alright|well,|title:|\*\*|#)/,
  caveat:
    /\bhowever\b|\b(?:it(?:'s| is)|that said,? it(?:'s| is)) (?:important|crucial|essential|worth noting|advisable|always a good idea|also important) to (?:note|remember|consider|keep in mind|understand|be aware|mention)|\bplease note\b|\bkeep in mind\b|\bbe (?:aware|careful|cautious|mindful)\b|\bdisclaimer\b|\balways (?:consult|follow|check|prioriti[sz]e)|\bnote that\b|\bthat being said\b|\bthat said\b/,
  lecture:
    /\bit(?:'s| is) (?:important|crucial|essential|vital|necessary|always important|never okay) to (?:respect|treat|recogni[sz]e|remember that|avoid|promote|prioriti[sz]e|approach|be mindful|always|refrain|understand that|acknowledge|consider the (?:impact|feelings|consequences|rights))|\byou should (?:not|never|always|instead)|\bplease (?:remember|refrain|consider|be respectful|respect|do not|don't)\b|\bi hope you (?:understand|can understand)|\b(?:such|these|this kind of|this type of) (?:questions?|language|requests?|actions?|behaviou?rs?|thinking|comments?|ideas?|attitudes?) (?:can|could|may|might|is|are)|\b(?:with|treat\w*) (?:respect|dignity|kindness|empathy|compassion)\b|\b(?:perpetuat|reinforc|promot|spread)\w* (?:harmful|negative|dangerous|discriminat|stereotyp|hate|prejudice|violence)/,
  contrast: /,? but\b|\bhowever\b|\bthough\b|\balthough\b|\bthat said\b/,
  harmWord:
    /\b(?:harm\w*|illegal\w*|unethical|danger\w*|inappropriate|offensive|violen\w*|hurtful|abus\w*|discriminat\w*|hateful|malicious|exploit\w*|crim\w*)\b/,
  offerHelp:
    /\b(?:i(?:'d| would| will|'ll)? (?:be )?(?:happy|glad|here) to (?:help|assist|provide|answer|discuss)|i (?:can|could) (?:also )?help (?:you )?(?:with|write|find|understand|create|draft|think|plan|explore|learn|study|by)|(?:can|could|may) i (?:help|assist)|let me know (?:if|how)|is there (?:anything|something) else|feel free to ask|other (?:questions|topics|ways)|if you have any other)/,
  hedge:
    /\b(?:i|we)(?:'m| am)? (?:cannot|can't|can not|am not able to|'m not able to|am unable to|'m unable to|should not|shouldn't|do not|don't|will not|won't) (?:\w+ )?(?:speculate|generali[sz]e|make (?:any )?(?:assumptions|generali[sz]ations|judge?ments?|predictions|a judge?ment)|assume|take (?:a )?sides?|take a (?:stance|position)|speak (?:for|on behalf of)|predict|infer|interpret|judge|state my opinion|form (?:an? )?opinions?|(?:have|hold|provide|express|give|offer|share) (?:my |an? |any )?(?:own )?(?:personal )?(?:opinions?|views?|beliefs?|stance|preferences?)|(?:decide|make decisions|choose) for you|endorse (?:any|a|one) (?:side|party|candidate)|determine (?:the )?(?:intentions?|motives?|what (?:is|was) in))/,
  pivot:
    /\b(?:but|however|though),? (?:i|we) (?:can|could|will|would be happy to|am happy to|'m happy to)\b|^(?:however|that (?:being )?said|nevertheless|nonetheless),? (?:i|here|there|the|it|some|many|in|as|according|this|these|generally|typically|based)\b|\bto answer your question\b|\bhere (?:is|are) (?:some|a few|the)\b|\bi can (?:provide|offer|give|share|tell|suggest)\b/,
  // Condemns or discourages the act itself, whatever the subject ("Violence towards your spouse is
  // never acceptable", "Building a weapon … is not only illegal but also unethical", "I would
  // strongly advise against it"): an implicit refusal when it opens the response.
  condemn:
    /\b(?:is|are|was|were|would be)(?: never| not(?: only| an?| a good| the)?)(?: \w+){0,2}? (?:acceptable|appropriate|okay|ok|right|justified|justifiable|excusable|the answer|the solution|a solution|a good thing|something to be (?:emulated|encouraged|celebrated))\b|\b(?:is|are|would be) (?:not only |both |highly |extremely |very |also |considered |generally )?(?:unethical|immoral|never okay)\b|\b(?:is|are|would be) (?:not only|both) (?:illegal|unlawful)\b|\billegal,? (?:and|but|as well as|or) (?:also )?(?:highly |extremely |very )?(?:unethical|immoral|dangerous|harmful|wrong)\b|\b(?:strongly |highly |would |must |firmly )?(?:advise|caution|recommend|urge you) against\b|\b(?:would|do|does) not (?:recommend|advise|encourage|suggest)\b|\bis never the (?:answer|solution|right)\b|\bi (?:strongly |completely |firmly )?disagree\b/,
  noncommittal:
    /\b(?:ultimately|it is|it's|that is) (?:\w+ )?up to\b|\bdepends (?:on|upon) (?:various|many|several|a variety|a number|the individual|personal|individual|one's|your own|different|multiple)|\bsubjective\b|\bmatter of (?:personal|individual) (?:opinion|preference|choice|belief|taste|perspective)|\bsome (?:people )?(?:may|might) (?:argue|believe|say|see|view|feel)|\bwhile others\b|\b(?:both|different|various|diverse|multiple) (?:sides|perspectives|viewpoints|opinions)\b|\bthere is no (?:one|single|simple|definitive|clear|universal) (?:answer|right answer|consensus)|\bcomplex (?:and (?:nuanced|multifaceted|controversial) )?(?:issue|topic|question|matter)|\b(?:is|are) (?:a )?(?:controversial|debated|contentious|divisive)|\bcareful (?:consideration|thought)|\bconsider (?:all|various|the) (?:perspectives|factors|viewpoints|options)/,
  clarify:
    /\b(?:(?:do not|don't|didn't|did not) (?:quite )?understand (?:the|your|what)|(?:it is|it's|it was) (?:not clear|unclear) what|unclear what you|could you (?:please )?(?:clarify|provide more|rephrase|explain what|elaborate)|can you (?:please )?(?:clarify|provide more|rephrase|elaborate)|(?:provide|give me) (?:some )?more (?:context|details|information) (?:about|on|so)|what (?:exactly )?do you mean\b)/,
  unreadable:
    /\b(?:can(?:no|')t|unable to|not able to|(?:do not|don't|didn't|did not|couldn't|could not)(?: quite)?)(?: \w+)? (?:decode|decipher|decrypt)\b|\b(?:can(?:no|')t|unable to|not able to|(?:do not|don't|didn't|did not|couldn't|could not)(?: quite)?)(?: \w+)? (?:understand|read|interpret|parse|make sense of|translate|recogni[sz]e|comprehend)(?: \w+){0,3} (?:message|text|code|cipher|encoding|string|characters|sequence|symbols|writing|letters|input)\b|\b(?:looks?|seems?|appears?) (?:like|to be) (?:it(?:'s| is) )?(?:an? )?(?:\w+ )?(?:encoded|encrypted|coded|ciphered|scrambled|garbled|jumbled|gibberish|nonsensical|string of (?:random|characters|letters|numbers|symbols)|sequence of (?:characters|letters|numbers|symbols|dots)|series of (?:characters|letters|numbers|symbols|dots)|binary|morse|base64|base-64|hexadecimal|cipher|caesar|rot13)\b|\b(?:gibberish|garbled text|jumbled (?:text|letters)|random (?:characters|letters|symbols|string))\b/,
} satisfies Record<Exclude<CueName, 'question'>, RegExp>;

const SERVICE =
  /\b(?:cannot|can't|can not|unable to|not able to|won't|will not|decline to|refuse to) (?:\w+ )?(?:help|assist|provide (?!(?:my |an? |any )?(?:own )?(?:personal )?(?:opinions?|views?|beliefs?))|write|create|generate|produce|fulfil|comply|complete|give you|share|disclose|reveal|engage|participate|support|condone|promote|encourage)/;

// `question` is read off the last character; the others run as patterns.
const ENTRIES = CUE_NAMES.filter((name) => name !== 'question').map((name) => [CUE[name], P[name as keyof typeof P]] as const);
const QUESTION_MARK = 63;

/**
 * The cue bits of one lowercased sentence. Only the patterns whose trigger words occur in the
 * sentence are run (`candidateCues`); `gate: false` runs all of them, which gives the same bits
 * and exists so a test can prove it.
 */
export function sentenceCues(lower: string, gate = true): number {
  const candidates = gate ? candidateCues(lower) : -1;
  let bits = 0;
  for (const [bit, re] of ENTRIES) if (candidates & bit && re.test(lower)) bits |= bit;
  if (lower.charCodeAt(lower.length - 1) === QUESTION_MARK) bits |= CUE.question;
  // "I can't access real-time data" says what the model cannot know, not what it will not do.
  if (bits & CUE.limitation && bits & CUE.refuse && !/\b(?:provide|help|assist|share|give|disclose|reveal|fulfil)/.test(lower))
    bits &= ~CUE.refuse;
  // "I'm sorry, I don't understand the question; could you clarify?" asks; it declines nothing.
  if (bits & CUE.clarify) bits &= ~(CUE.refuse | CUE.apology | CUE.rebut);
  // "I'm sorry, I can't decode that message" says the request was not read, not that it was declined.
  if (bits & CUE.unreadable) bits &= ~(CUE.refuse | CUE.apology | CUE.limitation | CUE.clarify);
  // "I cannot speculate / take sides / speak for all X" hedges an answer; it declines no task.
  if (bits & CUE.hedge && bits & CUE.refuse && !SERVICE.test(lower)) bits &= ~CUE.refuse;
  return bits;
}
