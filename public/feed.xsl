<?xml version="1.0" encoding="utf-8"?>
<!--
  The register's Atom feeds (/decisions.xml, each partnership's decisions.xml,
  /changes.xml) opened in a browser: a readable page in the site's look, saying
  what a feed is and how to follow one, then the entries with links to their
  pages. Feed readers ignore this stylesheet and read the Atom as it is.
  Entries show their summaries, which give each date as precisely as it is
  recorded; a feed's own dates stand a partial date ("2011") for its first day.

  Plain XSLT 1.0, the version browsers run. Styles are inline: the site's own
  stylesheet has a hashed name, unknown here, and the feed is not an HTML page
  under the site's Content Security Policy.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:template match="/atom:feed">
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (feed)</title>
        <style>
          body { margin: 0; font-family: arial, sans-serif; font-size: 1.1875rem; line-height: 1.3158; color: #0b0c0c; background: #fff; }
          a { color: #1d70b8; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
          a:visited { color: #4c2c92; }
          a:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
          a:focus { outline: 3px solid transparent; color: #0b0c0c; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
          .skip { position: absolute; left: -9999em; }
          .skip:focus { position: static; display: block; padding: 10px 15px; }
          .container { max-width: 960px; margin: 0 15px; }
          @media (min-width: 40.0625em) { .container { margin: 0 30px; } }
          @media (min-width: 1020px) { .container { margin: 0 auto; } }
          .header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; padding: 10px 0; }
          .header a, .header a:visited { color: #fff; font-weight: 700; font-size: 1.5rem; text-decoration: none; }
          .header a:hover { text-decoration: underline; }
          .header a:focus { color: #0b0c0c; }
          main { display: block; padding: 40px 0; }
          .caption { display: block; color: #505a5f; font-size: 1.5rem; margin-bottom: 5px; }
          h1 { font-size: 3rem; line-height: 1.0417; margin: 0 0 30px; }
          h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 20px; }
          h3 { font-size: 1.1875rem; margin: 0 0 5px; }
          p { margin: 0 0 20px; }
          .lead { font-size: 1.5rem; line-height: 1.25; }
          .inset { padding: 15px; margin: 30px 0; border-left: 10px solid #b1b4b6; }
          .inset p:last-child { margin-bottom: 0; }
          .entries { list-style: none; margin: 0; padding: 0; }
          .entries li { border-top: 1px solid #b1b4b6; padding: 15px 0 0; margin-bottom: 20px; }
          footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 25px 0; font-size: 1rem; color: #0b0c0c; }
        </style>
      </head>
      <body>
        <a class="skip" href="#main-content">Skip to main content</a>
        <header class="header">
          <div class="container">
            <a href="{atom:author/atom:uri}"><xsl:value-of select="atom:author/atom:name"/></a>
          </div>
        </header>
        <div class="container">
          <main id="main-content">
            <span class="caption">Feed</span>
            <h1><xsl:value-of select="atom:title"/></h1>
            <p class="lead"><xsl:value-of select="atom:subtitle"/></p>
            <div class="inset">
              <h2>What is a feed?</h2>
              <p>This page is a feed: a list of the newest entries, which a feed reader (also called a news reader or RSS reader) checks for you, so you hear of something new without visiting the site.</p>
              <p>To follow it, copy the address of this page from your browser’s address bar into your feed reader.</p>
              <p>You do not need a feed reader to read these entries: <a href="{atom:link[@rel='alternate']/@href}">see them on the site</a>.</p>
            </div>
            <h2>Latest entries</h2>
            <xsl:choose>
              <xsl:when test="atom:entry">
                <ol class="entries">
                  <xsl:apply-templates select="atom:entry"/>
                </ol>
              </xsl:when>
              <xsl:otherwise>
                <p>There are no entries yet.</p>
              </xsl:otherwise>
            </xsl:choose>
          </main>
        </div>
        <footer>
          <div class="container">
            <p><xsl:value-of select="atom:rights"/></p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>

</xsl:stylesheet>
